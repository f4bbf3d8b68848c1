package se.kedja.identity.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo accounts of the embedded default, one per role. Their project assignments are
 * not here: an administrator gives them through case-service's API, and
 * {@link Assignments} reads them from the project topic.
 */
public final class DemoAccounts {

	public static final Map<String, List<String>> ROLES = Map.of("coach@demo.kedja", List.of("coach"),
			"manager@demo.kedja", List.of("manager"), "auditor@demo.kedja", List.of("auditor"), "admin@demo.kedja",
			List.of("admin"));

	private DemoAccounts() {
	}

	public static Optional<List<String>> rolesOf(String username) {
		return Optional.ofNullable(ROLES.get(username));
	}

}
