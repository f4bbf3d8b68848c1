package se.kedja.progress.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Applies case events: keeps each, folds its case again, saves the participant, moves the
 * project's counters by what the participant now adds minus what they added before and
 * replaces the rules they break — all in one transaction with the events' dedupe keys. A
 * batch (one poll of the topic) is folded event by event in memory, in the order of
 * delivery, exactly as one event after the other; only its writes are gathered: one
 * statement batch per table, counters summed per key and written in key order, each
 * case's exception rows replaced once, and one notification per project.
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
		applyAll(tables, List.of(envelope));
	}

	/** Applies {@code envelopes} in their order, as if one after the other. */
	@Transactional
	public void applyAll(ProjectionTables tables, List<EventEnvelope<CaseEvent>> envelopes) {
		List<EventEnvelope<CaseEvent>> fresh = this.processed.firstDeliveries(tables, envelopes);
		if (fresh.isEmpty()) {
			return;
		}
		Map<UUID, List<EventEnvelope<CaseEvent>>> byParticipant = new LinkedHashMap<>();
		for (EventEnvelope<CaseEvent> envelope : fresh) {
			byParticipant.computeIfAbsent(envelope.payload().participantId().value(), (id) -> new ArrayList<>())
				.add(envelope);
		}
		Map<UUID, List<EventEnvelope<CaseEvent>>> histories = this.events.histories(tables, byParticipant.keySet());
		List<Step> steps = new ArrayList<>(fresh.size());
		List<CaseEventStore.Received> received = new ArrayList<>(fresh.size());
		Map<UUID, @Nullable Step> last = new LinkedHashMap<>();
		byParticipant.forEach((participantId, arrived) -> {
			List<EventEnvelope<CaseEvent>> history = new ArrayList<>(histories.getOrDefault(participantId, List.of()));
			Participant before = this.fold.fold(history);
			for (EventEnvelope<CaseEvent> envelope : arrived) {
				history.add(envelope);
				history.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
				Participant after = this.fold.fold(history);
				received.add(new CaseEventStore.Received(envelope, (after != null) ? after.projectId() : null));
				Step step = new Step(before, after, envelope.recordedAt());
				if (after != null || before != null) {
					steps.add(step);
					last.put(participantId, step);
				}
				before = after;
			}
		});
		this.events.appendAll(tables, received);
		saveParticipants(tables, last.values());
		Map<String, List<Goal>> goals = lockAndReadGoals(tables, steps);
		Changes changes = new Changes();
		for (Step step : steps) {
			if (step.after() == null) {
				Participant before = Objects.requireNonNull(step.before());
				List<Goal> of = goals.get(before.projectId());
				changes.move(before, Contributions.delta(of, before, null), QualityRules.breaches(of, before),
						List.of());
			}
			else {
				Participant after = step.after();
				List<Goal> of = goals.get(after.projectId());
				Participant counted = sameProject(step.before(), after);
				if (counted == null && step.before() != null) {
					// corrected into another project: the participant leaves the first
					// one,
					// its counters and its exception rows
					Participant left = step.before();
					List<Goal> ofLeft = goals.get(left.projectId());
					changes.move(left, Contributions.delta(ofLeft, left, null), QualityRules.breaches(ofLeft, left),
							List.of());
				}
				changes.move(after, Contributions.delta(of, counted, after), QualityRules.breaches(of, counted),
						QualityRules.breaches(of, after));
			}
		}
		this.tallies.addAll(tables, changes.tallies);
		Set<String> unrecorded = new HashSet<>();
		byParticipant.keySet()
			.stream()
			.filter((participantId) -> !histories.containsKey(participantId))
			.forEach((participantId) -> unrecorded.add(participantId.toString()));
		this.exceptions.replaceAll(tables, changes.exceptions, unrecorded);
		if (tables == ProjectionTables.LIVE) {
			changes.projects.forEach((projectId) -> this.publisher.publishEvent(new FiguresChanged(projectId)));
		}
	}

	/**
	 * Each participant's last state: saved, or deleted when its enrolment was retracted
	 * with an import (the participant no longer counts).
	 */
	private void saveParticipants(ProjectionTables tables, Iterable<@Nullable Step> lastSteps) {
		List<ParticipantStore.Saved> saved = new ArrayList<>();
		List<String> forgotten = new ArrayList<>();
		for (Step step : lastSteps) {
			if (step == null) {
				continue;
			}
			if (step.after() != null) {
				saved.add(new ParticipantStore.Saved(step.after(), step.recordedAt()));
			}
			else {
				forgotten.add(Objects.requireNonNull(step.before()).participantId());
			}
		}
		this.participants.saveAll(tables, saved);
		this.participants.deleteAll(tables, forgotten);
	}

	/**
	 * Takes the shared lock of every project the batch moves, in one order, then reads
	 * their goals: no new definition can recount them before this transaction ends.
	 */
	private Map<String, List<Goal>> lockAndReadGoals(ProjectionTables tables, List<Step> steps) {
		Set<String> projectIds = new TreeSet<>();
		for (Step step : steps) {
			if (step.before() != null) {
				projectIds.add(step.before().projectId());
			}
			if (step.after() != null) {
				projectIds.add(step.after().projectId());
			}
		}
		Map<String, List<Goal>> goals = new HashMap<>();
		for (String projectId : projectIds) {
			this.locks.shared(tables, projectId);
			goals.put(projectId,
					this.catalog.current(tables, projectId)
						.map((project) -> project.goals().goals())
						.orElse(List.of()));
		}
		return goals;
	}

	private static @Nullable Participant sameProject(@Nullable Participant before, Participant after) {
		return (before != null && before.projectId().equals(after.projectId())) ? before : null;
	}

	/** One event's effect on its participant: the fold before and after it. */
	private record Step(@Nullable Participant before, @Nullable Participant after, Instant recordedAt) {

	}

	/**
	 * What a batch writes: counters summed per project and key (unsorted: the store sorts
	 * them once), each case's exception rows as the last event left them, and the
	 * projects whose figures moved.
	 */
	private static final class Changes {

		final Map<String, Map<TallyKey, Long>> tallies = new TreeMap<>();

		final Map<QualityExceptionStore.CaseKey, List<Breach>> exceptions = new LinkedHashMap<>();

		final Set<String> projects = new LinkedHashSet<>();

		void move(Participant participant, Map<TallyKey, Long> delta, List<Breach> breachesBefore,
				List<Breach> breachesAfter) {
			String projectId = participant.projectId();
			if (!delta.isEmpty()) {
				Map<TallyKey, Long> sums = this.tallies.computeIfAbsent(projectId, (id) -> new HashMap<>());
				delta.forEach((key, value) -> sums.merge(key, value, Long::sum));
				this.projects.add(projectId);
			}
			if (!breachesBefore.equals(breachesAfter)) {
				this.exceptions.put(new QualityExceptionStore.CaseKey(projectId, participant.participantId()),
						breachesAfter);
				this.projects.add(projectId);
			}
		}

	}

}
