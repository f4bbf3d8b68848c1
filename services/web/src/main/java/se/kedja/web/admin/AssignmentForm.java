package se.kedja.web.admin;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The form that assigns a person to a project, as the page shows it: what was typed (no
 * site chosen means every site), the errors beside each field ({@code userId},
 * {@code sites}) and those of no field.
 */
record AssignmentForm(String userId, List<String> sites, Map<String, String> errors, List<String> generalErrors,
		String idempotencyKey) {

	static final String USER_ID = "userId";

	static final String SITES = "sites";

	static AssignmentForm empty(String key) {
		return new AssignmentForm("", List.of(), Map.of(), List.of(), key);
	}

	AssignmentForm refused(Map<String, String> fieldErrors, List<String> general) {
		return new AssignmentForm(this.userId, this.sites, fieldErrors, general, this.idempotencyKey);
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty() || !this.generalErrors.isEmpty();
	}

	public boolean hasError(String field) {
		return this.errors.containsKey(field);
	}

	public @Nullable String error(String field) {
		return this.errors.get(field);
	}

	public boolean selected(String site) {
		return this.sites.contains(site);
	}

}
