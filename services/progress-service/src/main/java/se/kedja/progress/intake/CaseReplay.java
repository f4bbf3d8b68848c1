package se.kedja.progress.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;
import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Contributions;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.QualityRules;
import se.kedja.progress.goals.TallyKey;

/**
 * One case's events, in their order of delivery, applied as {@link CaseEventProjection}
 * applies them one after the other while no project definition arrives: the same dedupe
 * by event id, the same fold after each event, the same rows left behind. Only the
 * counters are summed differently: the moves of a participant add up to what they add
 * last, in the project they are in last, so only that is counted, at the end of the
 * history. A correction into another project takes the participant out of the first one
 * (its counters and exception rows), as a retracted enrolment takes them out altogether.
 */
public final class CaseReplay {

	private final UUID participantId;

	private final ParticipantFold.Replay fold;

	private final Function<String, List<Goal>> goals;

	private final EventJson json;

	private final Set<UUID> delivered = new HashSet<>();

	private final List<Kept> kept = new ArrayList<>();

	private final Map<String, List<Breach>> exceptions = new LinkedHashMap<>();

	private @Nullable Participant current;

	private List<Breach> currentBreaches = List.of();

	private boolean stepped;

	private @Nullable Instant lastRecordedAt;

	private boolean finished;

	CaseReplay(UUID participantId, ParticipantFold fold, Function<String, List<Goal>> goals, EventJson json) {
		this.participantId = participantId;
		this.fold = fold.replay();
		this.goals = goals;
		this.json = json;
	}

	public UUID participantId() {
		return this.participantId;
	}

	/**
	 * Applies {@code envelope}, read from {@code received}, unless it was delivered
	 * before; false when keeping or folding it fails, so it is skipped (and a later
	 * delivery is tried again), as the projection's transaction for it would roll back.
	 * The bytes received are kept as they are: the projection keeps the envelope written
	 * again, which reads back the same.
	 */
	public boolean deliver(EventEnvelope<CaseEvent> envelope, byte[] received) {
		if (this.finished) {
			throw new IllegalStateException("The replay of " + this.participantId + " has finished");
		}
		UUID eventId = envelope.eventId().value();
		if (!this.delivered.add(eventId)) {
			return true;
		}
		Participant before = this.current;
		Participant after;
		byte[] bytes;
		try {
			bytes = keepable(envelope, received);
			after = this.fold.add(envelope);
		}
		catch (RuntimeException ex) {
			this.delivered.remove(eventId);
			return false;
		}
		this.kept.add(new Kept(envelope, (after != null) ? after.projectId() : null, bytes));
		if (before == null && after == null) {
			return true;
		}
		this.stepped = true;
		this.lastRecordedAt = envelope.recordedAt();
		if (after == null) {
			if (!this.currentBreaches.isEmpty()) {
				this.exceptions.put(before.projectId(), List.of());
			}
			this.currentBreaches = List.of();
		}
		else {
			boolean sameProject = before != null && before.projectId().equals(after.projectId());
			if (before != null && !sameProject && !this.currentBreaches.isEmpty()) {
				// corrected into another project: the participant leaves the first one,
				// and
				// its exception rows there go
				this.exceptions.put(before.projectId(), List.of());
			}
			List<Breach> counted = sameProject ? this.currentBreaches : List.of();
			List<Breach> breaches = QualityRules.breaches(this.goals.apply(after.projectId()), after);
			if (!counted.equals(breaches)) {
				this.exceptions.put(after.projectId(), breaches);
			}
			this.currentBreaches = breaches;
		}
		this.current = after;
		return true;
	}

	/**
	 * {@code received}, if the projection could write {@code envelope} again: not an
	 * older schema version, which reads upcast but writes only as the current one.
	 */
	private byte[] keepable(EventEnvelope<CaseEvent> envelope, byte[] received) {
		Class<?> payloadClass = envelope.payload().getClass();
		if (!envelope.type().equals(this.json.typeName(payloadClass))
				|| envelope.schemaVersion() != this.json.currentVersion(payloadClass)) {
			throw new IllegalArgumentException("Envelope says " + envelope.type() + " v" + envelope.schemaVersion()
					+ " but holds " + payloadClass.getSimpleName());
		}
		return received;
	}

	/**
	 * Ends the history: what the participant's last stay adds to the counters is added to
	 * {@code sums} (by project), all of it or, if counting fails, none. Not kept: a chunk
	 * of replays lives through many collections.
	 */
	public void finish(Map<String, Map<TallyKey, Long>> sums) {
		if (!this.finished && this.current != null) {
			String projectId = this.current.projectId();
			Map<TallyKey, Long> counted = new HashMap<>();
			Contributions.addTo(counted, this.goals.apply(projectId), this.current);
			Map<TallyKey, Long> project = sums.computeIfAbsent(projectId, (id) -> new HashMap<>());
			counted.forEach((key, value) -> project.merge(key, value, Long::sum));
		}
		this.finished = true;
	}

	List<Kept> kept() {
		return this.kept;
	}

	/** The participant's row as the last event left it; null when there is none. */
	ParticipantStore.@Nullable Saved saved() {
		return (this.stepped && this.current != null)
				? new ParticipantStore.Saved(this.current, Objects.requireNonNull(this.lastRecordedAt)) : null;
	}

	/** The exception rows the case leaves in each project. */
	Map<String, List<Breach>> exceptions() {
		return this.exceptions;
	}

	/**
	 * An event as kept in {@code case_event}: with the project its case belongs to after
	 * it and its JSON.
	 */
	record Kept(EventEnvelope<CaseEvent> envelope, @Nullable String projectId, byte[] json) {

	}

}
