package se.kedja.progress.projects;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.progress.goals.GoalProgress;
import se.kedja.progress.projects.ProjectCatalog.Project;
import se.kedja.support.security.KedjaPrincipal;
import se.kedja.support.security.Role;

@RestController
class ProjectsController {

	private final ProgressQueries queries;

	ProjectsController(ProgressQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/projects")
	@Operation(summary = "The projects the caller is assigned to (every project for an administrator)")
	List<ProjectSummary> projects(KedjaPrincipal principal) {
		return this.queries.projects()
			.stream()
			.filter((project) -> principal.has(Role.ADMIN) || principal.assignedTo(project.id()))
			.map(ProjectSummary::of)
			.toList();
	}

	@GetMapping("/api/projects/{projectId}/progress")
	@Operation(summary = "Goal progress: actual, target, status, forecast and breakdowns",
			description = "A quality goal also lists its exceptions: how many cases break the rule on the day, and "
					+ "the first " + GoalProgress.Exceptions.LIMIT + " of them (oldest business date first, then by "
					+ "participant id), each with its pseudonymous participant id, the reason and the business date "
					+ "concerned. met + exceptions.count = of - pending.")
	ProjectProgress progress(@PathVariable String projectId, @Parameter(
			description = "Figures as they stood by the end of this day, from what had been recorded by then") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return (asOf != null) ? this.queries.asOf(projectId, asOf) : this.queries.current(projectId);
	}

	/** A project in the list. */
	record ProjectSummary(String id, String name, int revision, LocalDate periodStart, LocalDate periodEnd,
			List<String> sites, List<GoalSummary> goals) {

		static ProjectSummary of(Project project) {
			List<GoalSummary> goals = project.goals()
				.goals()
				.stream()
				.map((goal) -> new GoalSummary(goal.id(), goal.title(), goal.kind(), null))
				.toList();
			List<GoalSummary> invalid = project.goals()
				.invalidGoals()
				.entrySet()
				.stream()
				.map((entry) -> new GoalSummary(entry.getKey(), entry.getKey(), "invalid", entry.getValue()))
				.toList();
			return new ProjectSummary(project.id(), project.definition().name(), project.revision(),
					project.definition().periodStart(), project.definition().periodEnd(), project.goals().sites(),
					java.util.stream.Stream.concat(goals.stream(), invalid.stream()).toList());
		}

	}

	/** A goal in the list; {@code problem} says why an invalid goal cannot be counted. */
	record GoalSummary(String id, String title, String kind, @Nullable String problem) {

	}

}
