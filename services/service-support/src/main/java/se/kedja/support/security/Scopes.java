package se.kedja.support.security;

import org.springframework.http.HttpStatus;

import se.kedja.support.problem.ProblemException;

/**
 * The refusals of the authorisation checks: 401, 403, and 404 where existence is
 * sensitive.
 */
public final class Scopes {

	public static final String UNAUTHENTICATED = "unauthenticated";

	public static final String FORBIDDEN = "forbidden";

	private Scopes() {
	}

	public static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, FORBIDDEN);
	}

	/** Throws 403 unless the caller holds one of the roles. */
	public static void requireRole(KedjaPrincipal principal, Role... roles) {
		if (!principal.hasAny(roles)) {
			throw forbidden();
		}
	}

	/** Throws 403 unless the caller holds one of the roles in the project. */
	public static void requireProject(KedjaPrincipal principal, String projectId, Role... roles) {
		if (!principal.may(projectId, roles)) {
			throw forbidden();
		}
	}

}
