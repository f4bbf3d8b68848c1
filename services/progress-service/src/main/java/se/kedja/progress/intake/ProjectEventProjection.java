package se.kedja.progress.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.events.EventEnvelope;
import se.kedja.events.projects.ProjectEvent;
import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Contributions;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.QualityRules;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.projects.ProjectCatalog;
import se.kedja.progress.projects.ProjectDefinitionStore;

/**
 * Applies a project definition: keeps the revision and, when it is the one in force,
 * recounts the project's figures and quality exceptions from its participants for the new
 * goals.
 */
@Service
public class ProjectEventProjection {

	private final ProcessedEvents processed;

	private final ProjectDefinitionStore definitions;

	private final ProjectCatalog catalog;

	private final ParticipantStore participants;

	private final TallyStore tallies;

	private final QualityExceptionStore exceptions;

	private final ProjectLocks locks;

	private final ApplicationEventPublisher publisher;

	ProjectEventProjection(ProcessedEvents processed, ProjectDefinitionStore definitions, ProjectCatalog catalog,
			ParticipantStore participants, TallyStore tallies, QualityExceptionStore exceptions, ProjectLocks locks,
			ApplicationEventPublisher publisher) {
		this.processed = processed;
		this.definitions = definitions;
		this.catalog = catalog;
		this.participants = participants;
		this.tallies = tallies;
		this.exceptions = exceptions;
		this.locks = locks;
		this.publisher = publisher;
	}

	@Transactional
	public void apply(ProjectionTables tables, EventEnvelope<ProjectEvent> envelope) {
		if (!this.processed.firstDelivery(tables, envelope.eventId().value())) {
			return;
		}
		String projectId = envelope.payload().projectId().value();
		this.locks.exclusive(tables, projectId);
		this.definitions.append(tables, envelope);
		List<Goal> goals = this.catalog.current(tables, projectId)
			.map((project) -> project.goals().goals())
			.orElse(List.of());
		Map<TallyKey, Long> recount = new TreeMap<>();
		List<Breach> breaches = new ArrayList<>();
		this.participants.forEachOfProject(tables, projectId, (participant) -> {
			Contributions.of(goals, participant).forEach((key, value) -> recount.merge(key, value, Long::sum));
			breaches.addAll(QualityRules.breaches(goals, participant));
		});
		this.tallies.clear(tables, projectId);
		this.tallies.add(tables, projectId, recount);
		this.exceptions.clear(tables, projectId);
		this.exceptions.add(tables, projectId, breaches);
		if (tables == ProjectionTables.LIVE) {
			this.publisher.publishEvent(new FiguresChanged(projectId));
		}
	}

}
