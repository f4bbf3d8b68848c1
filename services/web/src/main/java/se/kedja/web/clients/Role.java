package se.kedja.web.clients;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person does in Kedja, from the token's {@code roles} claim; decides the
 * navigation, the start page and which pages they may open.
 */
public enum Role {

	COACH("/caseload"), MANAGER("/dashboard"), AUDITOR("/audit"), ADMIN("/admin/projects");

	private final String startPage;

	Role(String startPage) {
		this.startPage = startPage;
	}

	public String startPage() {
		return this.startPage;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	/** {@code coach}, {@code ROLE_COACH} or {@code administrator} as a role. */
	public static Optional<Role> fromClaim(String value) {
		String normalised = value.strip().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
		if (normalised.equals("ADMINISTRATOR")) {
			return Optional.of(ADMIN);
		}
		for (Role role : values()) {
			if (role.name().equals(normalised)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	public static Optional<Role> fromAuthority(String authority) {
		return authority.startsWith("ROLE_") ? fromClaim(authority) : Optional.empty();
	}

}
