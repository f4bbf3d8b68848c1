package se.kedja.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.kedja.audit.store.RecordedEvent;
import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.ExitOutcome;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.cases.AccessibilityArea;
import se.kedja.events.cases.AccessibilityNeed;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlanGoalArea;
import se.kedja.events.json.EventHashes;
import se.kedja.events.json.EventJson;

/**
 * Builds one fictional case's hash-chained envelopes, as case-service would publish them.
 */
public final class CaseStream {

	private static final EventJson JSON = new EventJson();

	private final ParticipantId participant;

	private final ProjectId project;

	private final List<EventEnvelope<CaseEvent>> events = new ArrayList<>();

	public CaseStream(ProjectId project) {
		this(project, ParticipantId.random());
	}

	/** Another telling of an existing case: same participant, new events. */
	public CaseStream(ProjectId project, ParticipantId participant) {
		this.project = project;
		this.participant = participant;
	}

	public static ProjectId uniqueProject() {
		return ProjectId.of("test-" + UUID.randomUUID().toString().substring(0, 8));
	}

	public ParticipantId participant() {
		return participant;
	}

	public ProjectId project() {
		return project;
	}

	public List<EventEnvelope<CaseEvent>> events() {
		return List.copyOf(events);
	}

	/** The events as a replay reads them from the store. */
	public List<RecordedEvent> recorded() {
		return events.stream().map(RecordedEvent::of).toList();
	}

	public EventEnvelope<CaseEvent> enrolled(LocalDate on, Instant recordedAt) {
		return record(new ParticipantEnrolled(participant, project, SiteId.of("finspang"), CoachId.of("coach-7"),
				ActorId.of("finspang-kooperativ"), on, Gender.FEMALE, 1984, MunicipalityCode.of("0562"),
				List.of("long-term-unemployed"), List.of(EntrySituation.LONG_TERM_UNEMPLOYED), 30, IscedBand.ISCED_3_4,
				null, false, true), recordedAt, "coach-7");
	}

	public EventEnvelope<CaseEvent> planAgreed(LocalDate on, Instant recordedAt) {
		return record(new PlanAgreed(participant, on, List.of(new PlanGoal("g1", PlanGoalArea.WORK)), List.of(),
				List.of(new AccessibilityNeed(AccessibilityArea.PHYSICAL, true)), List.of(ActorId.of("af-linkoping"))),
				recordedAt, "coach-7");
	}

	public EventEnvelope<CaseEvent> exited(LocalDate on, ExitOutcome outcome, Instant recordedAt) {
		return record(new ParticipantExited(participant, on, ExitReason.PLAN_COMPLETED, outcome), recordedAt,
				"coach-7");
	}

	public EventEnvelope<CaseEvent> corrected(EventEnvelope<CaseEvent> target, Map<String, String> values, LocalDate on,
			String reason, Instant recordedAt) {
		return record(new CorrectionRecorded(participant, target.eventId(), target.type(), values, on, reason),
				recordedAt, "auditor-coach-2");
	}

	public EventEnvelope<CaseEvent> record(CaseEvent event, Instant recordedAt, String recordedBy) {
		String previousHash = events.isEmpty() ? null : events.getLast().hash();
		EventEnvelope<CaseEvent> unhashed = new EventEnvelope<>(EventId.random(), JSON.typeName(event.getClass()),
				JSON.currentVersion(event.getClass()), participant.toString(), events.size(), event.businessDate(),
				recordedAt, recordedBy, UUID.randomUUID(), UUID.randomUUID(), null, "", previousHash,
				EventEnvelope.UNKNOWN_POSITION, event);
		EventEnvelope<CaseEvent> hashed = unhashed.withHash(EventHashes.hash(unhashed));
		events.add(hashed);
		return hashed;
	}

}
