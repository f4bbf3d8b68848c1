package se.kedja.support.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do in the projects they are assigned to; carried in the token's roles
 * claim.
 */
public enum Role {

	/** Handledare: reads and writes the cases of their projects and sites. */
	COACH,

	/** Projektledare: figures, alerts and pseudonymous lists of their projects. */
	MANAGER,

	/**
	 * Revisor: read-only histories, verification and the access log of their projects.
	 */
	AUDITOR,

	/** Administrator: project definitions and assignments. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Role> fromClaim(String value) {
		String normalised = value.strip().toUpperCase(Locale.ROOT);
		if (normalised.startsWith("ROLE_")) {
			normalised = normalised.substring(5);
		}
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

}
