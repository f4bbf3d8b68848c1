package se.kedja.cases.access;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.cases.project.query.ProjectCatalog;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.events.ProjectId;
import se.kedja.support.problem.ProblemException;
import se.kedja.support.security.KedjaPrincipal;

/**
 * Administrators assign users to projects (optionally to some of its sites). Every change
 * is on record with who made it and when; the identity provider reads a user's
 * assignments into the token's {@code projects} claim.
 */
@RestController
@Tag(name = "assignments", description = "Who works in which project (administrators)")
class AssignmentController {

	private final AssignmentStore store;

	private final ProjectCatalog projects;

	AssignmentController(AssignmentStore store, ProjectCatalog projects) {
		this.store = store;
		this.projects = projects;
	}

	record AssignmentRequest(
			@NotNull @Size(max = 100) List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String> sites) {
	}

	@PutMapping("/api/projects/{projectId}/assignments/{userId}")
	@Operation(summary = "Assign a user to the project (every site when sites is empty); on record")
	AssignmentStore.Assignment assign(@PathVariable String projectId, @PathVariable String userId,
			@Valid @RequestBody AssignmentRequest body, KedjaPrincipal principal) {
		ProjectView project = project(projectId);
		List<String> known = project.definition().sites().stream().map((site) -> site.id().value()).toList();
		for (String site : body.sites()) {
			if (!known.contains(site)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-site", site);
			}
		}
		return this.store.assign(projectId, user(userId), body.sites(), principal.userId());
	}

	@DeleteMapping("/api/projects/{projectId}/assignments/{userId}")
	@Operation(summary = "Remove a user's assignment to the project; on record")
	ResponseEntity<Void> unassign(@PathVariable String projectId, @PathVariable String userId,
			KedjaPrincipal principal) {
		project(projectId);
		this.store.unassign(projectId, user(userId), principal.userId());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/projects/{projectId}/assignments")
	@Operation(summary = "The project's assignments in force")
	List<AssignmentStore.Assignment> ofProject(@PathVariable String projectId) {
		project(projectId);
		return this.store.ofProject(projectId);
	}

	record UserScopes(String userId, List<String> projects) {
	}

	@GetMapping("/api/users/{userId}/assignments")
	@Operation(summary = "A user's assignments as token scopes (project or project/site)")
	UserScopes ofUser(@PathVariable String userId) {
		return new UserScopes(userId,
				this.store.ofUser(userId).stream().flatMap((a) -> a.scopes().stream()).distinct().toList());
	}

	private ProjectView project(String projectId) {
		try {
			return this.projects.find(ProjectId.of(projectId))
				.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId));
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId);
		}
	}

	private static String user(String userId) {
		if (userId.isBlank() || userId.length() > 200 || userId.chars().anyMatch(Character::isISOControl)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-value", "userId");
		}
		return userId;
	}

}
