package se.kedja.progress.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.QualityRules;
import se.kedja.progress.projects.ProjectCatalog;
import se.kedja.progress.projects.ProjectDefinitionStore;

/**
 * Fills the quality exceptions of cases recorded before they were kept, once, at
 * start-up: each project's cases are folded again from their stored events (which also
 * refreshes the stored participant) under the project's exclusive lock, so no case event
 * of the project is applied meanwhile.
 */
@Component
class QualityExceptionBackfill {

	static final String NAME = "quality-exceptions";

	private static final Logger log = LoggerFactory.getLogger(QualityExceptionBackfill.class);

	private final JdbcClient jdbc;

	private final ProjectDefinitionStore definitions;

	private final ProjectCatalog catalog;

	private final CaseEventStore events;

	private final ParticipantFold fold;

	private final ParticipantStore participants;

	private final QualityExceptionStore exceptions;

	private final ProjectLocks locks;

	private final TransactionTemplate transaction;

	QualityExceptionBackfill(JdbcClient jdbc, ProjectDefinitionStore definitions, ProjectCatalog catalog,
			CaseEventStore events, ParticipantFold fold, ParticipantStore participants,
			QualityExceptionStore exceptions, ProjectLocks locks, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.definitions = definitions;
		this.catalog = catalog;
		this.events = events;
		this.fold = fold;
		this.participants = participants;
		this.exceptions = exceptions;
		this.locks = locks;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void run() {
		boolean pending = this.jdbc.sql("SELECT count(*) FROM backfill WHERE name = ? AND done_at IS NULL")
			.param(NAME)
			.query(Long.class)
			.single() > 0;
		if (!pending) {
			return;
		}
		for (String projectId : this.definitions.projectIds()) {
			this.transaction.executeWithoutResult((status) -> backfill(projectId));
		}
		this.jdbc.sql("UPDATE backfill SET done_at = now() WHERE name = ?").param(NAME).update();
	}

	private void backfill(String projectId) {
		this.locks.exclusive(ProjectionTables.LIVE, projectId);
		List<Goal> goals = this.catalog.current(ProjectionTables.LIVE, projectId)
			.map((project) -> project.goals().goals())
			.orElse(List.of());
		List<UUID> ids = this.jdbc.sql("SELECT participant_id FROM participant WHERE project_id = ?")
			.param(projectId)
			.query(UUID.class)
			.list();
		List<Breach> breaches = new ArrayList<>();
		for (UUID id : ids) {
			List<EventEnvelope<CaseEvent>> history = this.events.history(ProjectionTables.LIVE, id);
			Participant participant = this.fold.fold(history);
			if (participant != null && participant.projectId().equals(projectId)) {
				Instant recordedAt = history.stream()
					.map(EventEnvelope::recordedAt)
					.max(Comparator.naturalOrder())
					.orElseThrow();
				this.participants.save(ProjectionTables.LIVE, participant, recordedAt);
				breaches.addAll(QualityRules.breaches(goals, participant));
			}
		}
		this.exceptions.clear(ProjectionTables.LIVE, projectId);
		this.exceptions.add(ProjectionTables.LIVE, projectId, breaches);
		log.info("Quality exceptions of {} filled from {} cases", projectId, ids.size());
	}

}
