package se.kedja.support.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import se.kedja.support.problem.ProblemException;

/**
 * The authenticated caller: a user id, global roles, and the projects (with, optionally,
 * the sites) the user is assigned to. An empty site set means every site of the project;
 * the project {@code *} means every project (machine clients of the embedded default
 * only).
 */
public record KedjaPrincipal(String userId, Set<Role> roles, Map<String, Set<String>> projects) {

	public static final String ALL_PROJECTS = "*";

	public KedjaPrincipal {
		roles = Set.copyOf(roles);
		projects = Map.copyOf(projects);
	}

	/** The caller of the current request, or 401 if there is none. */
	public static KedjaPrincipal current() {
		return currentIfAny().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, Scopes.UNAUTHENTICATED));
	}

	public static Optional<KedjaPrincipal> currentIfAny() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof KedjaPrincipal principal)
				? Optional.of(principal) : Optional.empty();
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAny(Role... roles) {
		return Arrays.stream(roles).anyMatch(this::has);
	}

	/** Assigned to the project, whatever the site. */
	public boolean assignedTo(String projectId) {
		return this.projects.containsKey(ALL_PROJECTS) || this.projects.containsKey(projectId);
	}

	/**
	 * Assigned to the project, and to the site unless the assignment covers every site.
	 */
	public boolean assignedTo(String projectId, String siteId) {
		if (this.projects.containsKey(ALL_PROJECTS)) {
			return true;
		}
		Set<String> sites = this.projects.get(projectId);
		return sites != null && (sites.isEmpty() || sites.contains(siteId));
	}

	/** Holds one of the roles and is assigned to the project. */
	public boolean may(String projectId, Role... roles) {
		return hasAny(roles) && assignedTo(projectId);
	}

	/** Holds one of the roles and is assigned to the project and site. */
	public boolean may(String projectId, String siteId, Role... roles) {
		return hasAny(roles) && assignedTo(projectId, siteId);
	}

}
