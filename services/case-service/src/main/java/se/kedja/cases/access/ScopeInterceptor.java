package se.kedja.cases.access;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import se.kedja.support.problem.ProblemException;
import se.kedja.support.security.KedjaPrincipal;
import se.kedja.support.security.Role;
import se.kedja.support.security.Scopes;

/**
 * Every request to the API passes one rule, chosen by the endpoint it reached; an
 * endpoint without a rule is refused, so a new one cannot be open by accident. A case
 * outside the caller's scope answers exactly as a case that does not exist.
 */
@Component
class ScopeInterceptor implements HandlerInterceptor {

	private final JdbcClient jdbc;

	ScopeInterceptor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record CaseScope(String projectId, String siteId) {
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (!(matched instanceof String pattern) || !pattern.startsWith("/api/")) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		KedjaPrincipal principal = KedjaPrincipal.current();
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		String project = (variables != null) ? variables.get("projectId") : null;
		if (pattern.startsWith("/api/participants/{id}")) {
			participant(principal, variables.get("id"), read);
		}
		else if (pattern.equals("/api/projects/{projectId}/participants")) {
			if (read) {
				Scopes.requireProject(principal, project, Role.COACH, Role.MANAGER, Role.AUDITOR);
			}
			else {
				Scopes.requireProject(principal, project, Role.COACH);
			}
		}
		else if (pattern.equals("/api/projects/{projectId}") && read) {
			if (!principal.has(Role.ADMIN)) {
				Scopes.requireProject(principal, project, Role.COACH, Role.MANAGER, Role.AUDITOR);
			}
		}
		else if (pattern.startsWith("/api/projects/{projectId}/imports")) {
			// bulk imports of case histories carry personal data: the project's coaches
			Scopes.requireProject(principal, project, Role.COACH);
		}
		else if (pattern.startsWith("/api/projects/{projectId}/definition")
				|| pattern.startsWith("/api/projects/{projectId}/assignments")) {
			Scopes.requireRole(principal, Role.ADMIN);
		}
		else if (pattern.equals("/api/users/{userId}/assignments")) {
			if (!principal.has(Role.ADMIN) && !principal.userId().equals(variables.get("userId"))) {
				throw Scopes.forbidden();
			}
		}
		else if (pattern.startsWith("/api/reports/")) {
			// personal identity numbers for the funder's file: the reporting endpoints
			// check
			// the role and the report's project themselves, so that refusals are logged
			// too
		}
		else {
			throw Scopes.forbidden();
		}
		return true;
	}

	private void participant(KedjaPrincipal principal, String id, boolean read) {
		Optional<CaseScope> scope = find(id);
		if (scope.isEmpty()) {
			return;
		}
		String project = scope.get().projectId();
		String site = scope.get().siteId();
		boolean allowed = principal.may(project, site, Role.COACH)
				|| (read && principal.may(project, Role.MANAGER, Role.AUDITOR));
		if (!allowed) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-participant", id);
		}
	}

	private Optional<CaseScope> find(String id) {
		UUID participant;
		try {
			participant = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT project_id, site_id FROM case_summary WHERE participant_id = ?")
			.param(participant)
			.query((rs, row) -> new CaseScope(rs.getString("project_id"), rs.getString("site_id")))
			.optional();
	}

}
