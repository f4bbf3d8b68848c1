package se.kedja.progress.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Contributions;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.QualityRules;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.projects.ProjectCatalog;

/**
 * Applies one case event: keeps it, folds the case again, saves the participant, moves
 * the project's counters by what the participant now adds minus what they added before
 * and replaces the rules they break — all in one transaction with the event's dedupe key.
 */
@Service
public class CaseEventProjection {

	private final ProcessedEvents processed;

	private final CaseEventStore events;

	private final ParticipantStore participants;

	private final TallyStore tallies;

	private final QualityExceptionStore exceptions;

	private final ProjectCatalog catalog;

	private final ProjectLocks locks;

	private final ParticipantFold fold;

	private final ApplicationEventPublisher publisher;

	CaseEventProjection(ProcessedEvents processed, CaseEventStore events, ParticipantStore participants,
			TallyStore tallies, QualityExceptionStore exceptions, ProjectCatalog catalog, ProjectLocks locks,
			ParticipantFold fold, ApplicationEventPublisher publisher) {
		this.processed = processed;
		this.events = events;
		this.participants = participants;
		this.tallies = tallies;
		this.exceptions = exceptions;
		this.catalog = catalog;
		this.locks = locks;
		this.fold = fold;
		this.publisher = publisher;
	}

	@Transactional
	public void apply(ProjectionTables tables, EventEnvelope<CaseEvent> envelope) {
		if (!this.processed.firstDelivery(tables, envelope.eventId().value())) {
			return;
		}
		UUID participantId = envelope.payload().participantId().value();
		List<EventEnvelope<CaseEvent>> history = new ArrayList<>(this.events.history(tables, participantId));
		Participant before = this.fold.fold(history);
		history.add(envelope);
		history.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
		Participant after = this.fold.fold(history);
		this.events.append(tables, envelope, (after != null) ? after.projectId() : null);
		if (after == null) {
			if (before != null) {
				forget(tables, before);
			}
			return;
		}
		this.participants.save(tables, after, envelope.recordedAt());
		this.locks.shared(tables, after.projectId());
		List<Goal> goals = this.catalog.current(tables, after.projectId())
			.map((project) -> project.goals().goals())
			.orElse(List.of());
		Participant counted = sameProject(before, after);
		move(tables, after, Contributions.delta(goals, counted, after), QualityRules.breaches(goals, counted),
				QualityRules.breaches(goals, after));
	}

	/** Its enrolment was retracted with an import: the participant no longer counts. */
	private void forget(ProjectionTables tables, Participant before) {
		this.participants.delete(tables, before.participantId());
		this.locks.shared(tables, before.projectId());
		List<Goal> goals = this.catalog.current(tables, before.projectId())
			.map((project) -> project.goals().goals())
			.orElse(List.of());
		move(tables, before, Contributions.delta(goals, before, null), QualityRules.breaches(goals, before), List.of());
	}

	/**
	 * Moves the counters and replaces the case's exceptions, both in this transaction.
	 */
	private void move(ProjectionTables tables, Participant participant, Map<TallyKey, Long> delta,
			List<Breach> breachesBefore, List<Breach> breachesAfter) {
		if (!delta.isEmpty()) {
			this.tallies.add(tables, participant.projectId(), delta);
		}
		boolean replaced = this.exceptions.replace(tables, participant.projectId(), participant.participantId(),
				breachesBefore, breachesAfter);
		if ((replaced || !delta.isEmpty()) && tables == ProjectionTables.LIVE) {
			this.publisher.publishEvent(new FiguresChanged(participant.projectId()));
		}
	}

	private static @Nullable Participant sameProject(@Nullable Participant before, Participant after) {
		return (before != null && before.projectId().equals(after.projectId())) ? before : null;
	}

}
