package se.kedja.progress.access;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import se.kedja.support.security.KedjaPrincipal;
import se.kedja.support.security.Role;
import se.kedja.support.security.Scopes;

/**
 * Figures and forecasts for the coaches, managers and auditors of a project; alerts
 * (which name pseudonymous cases) for its coaches and managers; funder reports for its
 * managers and auditors; goal validation and the projections' administration for
 * administrators. An endpoint without a rule is refused, so a new one cannot be open by
 * accident.
 */
@Component
class ScopeInterceptor implements HandlerInterceptor {

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
		String project = (variables != null) ? variables.get("projectId") : null;
		if (pattern.equals("/api/projects")) {
			Scopes.requireRole(principal, Role.COACH, Role.MANAGER, Role.AUDITOR, Role.ADMIN);
		}
		else if (pattern.startsWith("/api/projects/{projectId}/progress")) {
			Scopes.requireProject(principal, project, Role.COACH, Role.MANAGER, Role.AUDITOR);
		}
		else if (pattern.startsWith("/api/projects/{projectId}/alerts")) {
			Scopes.requireProject(principal, project, Role.COACH, Role.MANAGER);
		}
		else if (pattern.startsWith("/api/projects/{projectId}/reports")) {
			Scopes.requireProject(principal, project, Role.MANAGER, Role.AUDITOR);
		}
		else if (pattern.equals("/api/goals/validate")) {
			Scopes.requireRole(principal, Role.ADMIN, Role.MANAGER);
		}
		else if (pattern.startsWith("/api/admin/")) {
			Scopes.requireRole(principal, Role.ADMIN);
		}
		else {
			throw Scopes.forbidden();
		}
		return true;
	}

}
