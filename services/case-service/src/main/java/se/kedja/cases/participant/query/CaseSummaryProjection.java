package se.kedja.cases.participant.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.kedja.cases.config.AxonConfig;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.cases.publishing.RecordingMetadata;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.EventId;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.ImportedEventsRetracted;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PersonalDataErased;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.TransferAccepted;
import se.kedja.support.problem.ProblemException;

/**
 * The current state of each case, kept in the command's transaction (a subscribing
 * processor), so a read right after a write sees it. {@code version} is the sequence
 * number of the case's last event: the value for {@code If-Match}.
 */
@Component
@ProcessingGroup(AxonConfig.CASE_READ_MODEL)
class CaseSummaryProjection {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PersonalDataStore personalData;

	private final EventStore events;

	CaseSummaryProjection(JdbcClient jdbc, Clock clock, PersonalDataStore personalData, @Lazy EventStore events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.personalData = personalData;
		this.events = events;
	}

	@EventHandler
	void on(ParticipantEnrolled event, @SequenceNumber long version) {
		this.jdbc.sql("""
				INSERT INTO case_summary (participant_id, project_id, site_id, coach_id, responsible_actor, status,
				  enrolled_on, version, updated_at)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)
				ON CONFLICT (participant_id) DO NOTHING""")
			.params(event.participantId().value(), event.projectId().value(), event.siteId().value(),
					event.coachId().value(), event.responsibleActor().value(), event.enrolledOn(), version, now())
			.update();
	}

	@EventHandler
	void on(PlanAgreed event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "plan_agreed_on = ?", event.agreedOn());
	}

	@EventHandler
	void on(FollowUpHeld event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "last_follow_up_on = GREATEST(last_follow_up_on, ?)", event.heldOn());
	}

	@EventHandler
	void on(TransferAccepted event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "responsible_actor = ?", event.to().value());
	}

	@EventHandler
	void on(ParticipationPaused event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "status = 'PAUSED'");
	}

	@EventHandler
	void on(ParticipationResumed event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "status = 'ACTIVE'");
	}

	@EventHandler
	void on(ParticipantExited event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "status = 'EXITED', exited_on = ?", event.exitedOn());
		this.personalData.closeEnrolment(event.participantId());
	}

	@EventHandler
	void on(PersonalDataErased event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, "personal_data_erased = TRUE");
	}

	/**
	 * Events of an undone import no longer count: the row is folded again from the case's
	 * events without them, or removed when the enrolment itself was retracted.
	 */
	@EventHandler
	void on(ImportedEventsRetracted event, @SequenceNumber long version, EventMessage<?> message) {
		Set<EventId> retracted = new HashSet<>(event.retracted());
		List<? extends DomainEventMessage<?>> history = this.events.readEvents(event.participantId().toString())
			.asStream()
			.toList();
		history.forEach((earlier) -> {
			if (earlier.getPayload() instanceof ImportedEventsRetracted undone) {
				retracted.addAll(undone.retracted());
			}
		});
		Summary summary = new Summary();
		history.stream()
			.filter((earlier) -> !retracted.contains(EventId.of(earlier.getIdentifier())))
			.forEach((earlier) -> summary.fold(earlier.getPayload()));
		ParticipantEnrolled enrolment = summary.enrolment;
		if (enrolment == null) {
			this.jdbc.sql("DELETE FROM case_summary WHERE participant_id = ?")
				.param(event.participantId().value())
				.update();
			this.personalData.closeEnrolment(event.participantId());
			return;
		}
		update(event, version, message, "site_id = ?, coach_id = ?, responsible_actor = ?, status = ?, "
				+ "enrolled_on = ?, plan_agreed_on = ?, last_follow_up_on = ?, exited_on = ?, personal_data_erased = ?",
				enrolment.siteId().value(), enrolment.coachId().value(), summary.responsibleActor, summary.status(),
				enrolment.enrolledOn(), summary.planAgreedOn, summary.lastFollowUpOn, summary.exitedOn, summary.erased);
		if (summary.exitedOn == null && !summary.erased) {
			this.personalData.reopenEnrolment(event.participantId(), enrolment.projectId());
		}
	}

	@EventHandler
	void on(CaseEvent event, @SequenceNumber long version, EventMessage<?> message) {
		update(event, version, message, null);
	}

	/**
	 * Applies the event to the row. With an expected version (If-Match), the first event
	 * of the command must find the row at that version and later events of the same
	 * command find their own command id; otherwise someone wrote in between and the whole
	 * command is refused (the exception rolls back its transaction).
	 */
	private void update(CaseEvent event, long version, EventMessage<?> message, @Nullable String assignments,
			Object... values) {
		String set = (assignments != null) ? assignments + ", " : "";
		Object commandId = message.getMetaData().get(RecordingMetadata.COMMAND_ID);
		Object expected = message.getMetaData().get(RecordingMetadata.EXPECTED_VERSION);
		List<Object> params = new ArrayList<>(List.of(values));
		params.add(version);
		params.add((commandId != null) ? commandId.toString() : null);
		params.add(now());
		params.add(event.participantId().value());
		String condition = "";
		if (expected != null) {
			condition = " AND (version = ? OR last_command_id = ?)";
			params.add(Long.parseLong(expected.toString()));
			params.add((commandId != null) ? commandId.toString() : "");
		}
		int updated = this.jdbc
			.sql("UPDATE case_summary SET " + set + "version = GREATEST(version, ?), last_command_id = ?, "
					+ "updated_at = ? WHERE participant_id = ?" + condition)
			.params(params)
			.update();
		if (updated == 0 && expected != null) {
			throw new ProblemException(HttpStatus.CONFLICT, "stale-version", expected);
		}
	}

	/** The columns of the row, folded from the events that count. */
	private static final class Summary {

		@Nullable ParticipantEnrolled enrolment;

		@Nullable String responsibleActor;

		@Nullable LocalDate planAgreedOn;

		@Nullable LocalDate lastFollowUpOn;

		@Nullable LocalDate exitedOn;

		boolean paused;

		boolean erased;

		void fold(Object event) {
			switch (event) {
				case ParticipantEnrolled e -> {
					this.enrolment = e;
					this.responsibleActor = e.responsibleActor().value();
				}
				case PlanAgreed e -> this.planAgreedOn = e.agreedOn();
				case FollowUpHeld e ->
					this.lastFollowUpOn = (this.lastFollowUpOn == null || e.heldOn().isAfter(this.lastFollowUpOn))
							? e.heldOn() : this.lastFollowUpOn;
				case TransferAccepted e -> this.responsibleActor = e.to().value();
				case ParticipationPaused e -> this.paused = true;
				case ParticipationResumed e -> this.paused = false;
				case ParticipantExited e -> this.exitedOn = e.exitedOn();
				case PersonalDataErased e -> this.erased = true;
				default -> {
				}
			}
		}

		String status() {
			return (this.exitedOn != null) ? "EXITED" : this.paused ? "PAUSED" : "ACTIVE";
		}

	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
