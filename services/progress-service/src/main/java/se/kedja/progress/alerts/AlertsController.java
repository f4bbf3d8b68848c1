package se.kedja.progress.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.progress.projects.ProjectCatalog;
import se.kedja.progress.projects.ProjectCatalog.Project;
import se.kedja.support.problem.ProblemException;

@RestController
@Validated
class AlertsController {

	private final ProjectCatalog catalog;

	private final AlertQueries queries;

	private final Clock clock;

	AlertsController(ProjectCatalog catalog, AlertQueries queries, Clock clock) {
		this.catalog = catalog;
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/api/projects/{projectId}/alerts")
	@Operation(summary = "Participants between the chairs: no responsible actor, a transfer not accepted, "
			+ "no follow-up, plan or post-exit follow-up overdue")
	List<Alert> alerts(@PathVariable String projectId,
			@RequestParam(
					defaultValue = "" + AlertThresholds.DEFAULT_TRANSFER_DAYS) @Min(1) @Max(3650) int transferDays,
			@RequestParam(
					defaultValue = "" + AlertThresholds.DEFAULT_FOLLOW_UP_DAYS) @Min(1) @Max(3650) int followUpDays) {
		Project project = this.catalog.current(projectId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId));
		return this.queries.find(projectId, project.definition().settings(),
				new AlertThresholds(transferDays, followUpDays), LocalDate.now(this.clock));
	}

}
