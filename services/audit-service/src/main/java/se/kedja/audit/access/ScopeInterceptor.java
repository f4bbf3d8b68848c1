package se.kedja.audit.access;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import se.kedja.audit.store.UnknownCase;
import se.kedja.events.ParticipantId;
import se.kedja.support.problem.ProblemException;
import se.kedja.support.security.KedjaPrincipal;
import se.kedja.support.security.Role;
import se.kedja.support.security.Scopes;

/**
 * Auditors read the histories, verifications and checkpoints of the projects they are
 * assigned to, and coaches the histories of their projects' cases; a case or checkpoint
 * outside their scope answers exactly as one that does not exist. The access log is read
 * per case of their projects, or whole by an auditor of every project. An endpoint
 * without a rule is refused.
 */
@Component
class ScopeInterceptor implements HandlerInterceptor {

	private static final String COACH_READABLE = "GET /api/participants/{participantId}/history";

	private static final int MAX_KNOWN_CASES = 20_000;

	private final JdbcClient jdbc;

	// a case's project is never changed (audit.case_project is append-only), so one found
	// is kept and a case's every read does not ask again; a case not yet known is asked
	// for
	private final Map<UUID, String> projectsOfCases = new ConcurrentHashMap<>();

	ScopeInterceptor(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		Scopes.requireRole(principal, rolesFor(request.getMethod() + " " + pattern));
		if (pattern.startsWith("/api/participants/{participantId}")) {
			String id = variables.get("participantId");
			projectOfCase(id).ifPresent((project) -> {
				if (!principal.assignedTo(project)) {
					throw new UnknownCase(ParticipantId.of(id));
				}
			});
		}
		else if (pattern.startsWith("/api/projects/{projectId}/")) {
			Scopes.requireProject(principal, variables.get("projectId"), Role.AUDITOR);
		}
		else if (pattern.equals("/api/checkpoints/{checkpointId}")) {
			String id = variables.get("checkpointId");
			projectOfCheckpoint(id).ifPresent((project) -> {
				if (!principal.assignedTo(project)) {
					throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-checkpoint", id);
				}
			});
		}
		else if (pattern.startsWith("/api/access-log")) {
			accessLog(principal, request.getParameter("participant"), pattern.equals("/api/access-log/verification"));
		}
		else {
			throw Scopes.forbidden();
		}
		return true;
	}

	// A coach follows their own cases' timeline and plan from the history; the read is
	// access-logged with its purpose like an auditor's.
	private static Role[] rolesFor(String endpoint) {
		return COACH_READABLE.equals(endpoint) ? new Role[] { Role.AUDITOR, Role.COACH } : new Role[] { Role.AUDITOR };
	}

	private void accessLog(KedjaPrincipal principal, String participant, boolean verification) {
		if (verification || principal.assignedTo(KedjaPrincipal.ALL_PROJECTS)) {
			return;
		}
		if (participant == null) {
			throw Scopes.forbidden();
		}
		Optional<String> project = projectOfCase(participant);
		if (project.isPresent() && !principal.assignedTo(project.get())) {
			throw Scopes.forbidden();
		}
	}

	private Optional<String> projectOfCase(String id) {
		Optional<UUID> participant = uuid(id);
		if (participant.isEmpty()) {
			return Optional.empty();
		}
		String known = this.projectsOfCases.get(participant.get());
		if (known != null) {
			return Optional.of(known);
		}
		Optional<String> project = this.jdbc.sql("SELECT project_id FROM audit.case_project WHERE participant_id = ?")
			.param(participant.get())
			.query(String.class)
			.optional();
		project.ifPresent((found) -> remember(participant.get(), found));
		return project;
	}

	private void remember(UUID participant, String project) {
		if (this.projectsOfCases.size() >= MAX_KNOWN_CASES) {
			this.projectsOfCases.clear();
		}
		this.projectsOfCases.put(participant, project);
	}

	private Optional<String> projectOfCheckpoint(String id) {
		Optional<UUID> checkpoint = uuid(id);
		if (checkpoint.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT project_id FROM audit.checkpoint WHERE checkpoint_id = ?")
			.param(checkpoint.get())
			.query(String.class)
			.optional();
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

}
