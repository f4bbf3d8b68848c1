package se.kedja.progress.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.kedja.progress.goals.Contributions;
import se.kedja.progress.goals.GoalEvaluator;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.intake.CaseEventStore;
import se.kedja.progress.intake.Participant;
import se.kedja.progress.intake.ParticipantFold;
import se.kedja.progress.intake.TallyStore;
import se.kedja.progress.projects.ProjectCatalog.Project;
import se.kedja.support.problem.ProblemException;

/**
 * Goal progress now, from the maintained counters, or as it stood on a past day, by
 * folding again only what had been recorded by the end of that day — definitions and
 * corrections included.
 */
@Service
public class ProgressQueries {

	private final ProjectCatalog catalog;

	private final TallyStore tallies;

	private final CaseEventStore events;

	private final ParticipantFold fold;

	private final Clock clock;

	ProgressQueries(ProjectCatalog catalog, TallyStore tallies, CaseEventStore events, ParticipantFold fold,
			Clock clock) {
		this.catalog = catalog;
		this.tallies = tallies;
		this.events = events;
		this.fold = fold;
		this.clock = clock;
	}

	public ProjectProgress current(String projectId) {
		Project project = this.catalog.current(projectId).orElseThrow(() -> unknown(projectId));
		LocalDate today = LocalDate.now(this.clock);
		return new ProjectProgress(projectId, project.definition().name(), today, "live", project.revision(),
				GoalEvaluator.evaluate(project.goals(), this.tallies.load(projectId), today));
	}

	public ProjectProgress asOf(String projectId, LocalDate day) {
		LocalDate today = LocalDate.now(this.clock);
		if (day.isAfter(today)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "future-as-of", day, today);
		}
		Instant endOfDay = day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		Project project = this.catalog.recordedBefore(projectId, endOfDay).orElseThrow(() -> unknown(projectId));
		Map<TallyKey, Long> recount = new HashMap<>();
		this.events.projectHistoriesBefore(projectId, endOfDay).values().forEach((history) -> {
			Participant participant = this.fold.fold(history);
			if (participant != null && participant.projectId().equals(projectId)) {
				Contributions.of(project.goals().goals(), participant)
					.forEach((key, value) -> recount.merge(key, value, Long::sum));
			}
		});
		return new ProjectProgress(projectId, project.definition().name(), day, "recorded", project.revision(),
				GoalEvaluator.evaluate(project.goals(), recount, day));
	}

	public List<Project> projects() {
		return this.catalog.all();
	}

	static ProblemException unknown(String projectId) {
		return new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId);
	}

}
