package se.kedja.progress.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Contributions;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.GoalEvaluator;
import se.kedja.progress.goals.QualityRules;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.intake.CaseEventStore;
import se.kedja.progress.intake.Participant;
import se.kedja.progress.intake.ParticipantFold;
import se.kedja.progress.intake.QualityExceptionStore;
import se.kedja.progress.intake.TallyStore;
import se.kedja.progress.projects.ProjectCatalog.Project;
import se.kedja.support.problem.ProblemException;

/**
 * Goal progress now, from the maintained counters and quality exceptions, or as it stood
 * on a past day, by folding again only what had been recorded by the end of that day —
 * definitions and corrections included.
 */
@Service
public class ProgressQueries {

	private final ProjectCatalog catalog;

	private final TallyStore tallies;

	private final QualityExceptionStore exceptions;

	private final CaseEventStore events;

	private final ParticipantFold fold;

	private final Clock clock;

	ProgressQueries(ProjectCatalog catalog, TallyStore tallies, QualityExceptionStore exceptions, CaseEventStore events,
			ParticipantFold fold, Clock clock) {
		this.catalog = catalog;
		this.tallies = tallies;
		this.exceptions = exceptions;
		this.events = events;
		this.fold = fold;
		this.clock = clock;
	}

	/**
	 * Counters and exceptions are read in one snapshot, so a transaction committing in
	 * between cannot set them apart.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ProjectProgress current(String projectId) {
		Project project = this.catalog.current(projectId).orElseThrow(() -> unknown(projectId));
		LocalDate today = LocalDate.now(this.clock);
		List<String> qualityGoals = project.goals().qualityGoalIds();
		return new ProjectProgress(projectId, project.definition().name(), today, "live", project.revision(),
				GoalEvaluator.evaluate(project.goals(), this.tallies.load(projectId),
						this.exceptions.listed(projectId, qualityGoals, today), today));
	}

	public ProjectProgress asOf(String projectId, LocalDate day) {
		LocalDate today = LocalDate.now(this.clock);
		if (day.isAfter(today)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "future-as-of", day, today);
		}
		Instant endOfDay = day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		Project project = this.catalog.recordedBefore(projectId, endOfDay).orElseThrow(() -> unknown(projectId));
		Map<TallyKey, Long> recount = new HashMap<>();
		List<Breach> breaches = new ArrayList<>();
		this.events.projectHistoriesBefore(projectId, endOfDay).values().forEach((history) -> {
			Participant participant = this.fold.fold(history);
			if (participant != null && participant.projectId().equals(projectId)) {
				Contributions.of(project.goals().goals(), participant)
					.forEach((key, value) -> recount.merge(key, value, Long::sum));
				breaches.addAll(QualityRules.breaches(project.goals().goals(), participant));
			}
		});
		return new ProjectProgress(projectId, project.definition().name(), day, "recorded", project.revision(),
				GoalEvaluator.evaluate(project.goals(), recount, QualityRules.listedOn(breaches, day), day));
	}

	public List<Project> projects() {
		return this.catalog.all();
	}

	static ProblemException unknown(String projectId) {
		return new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId);
	}

}
