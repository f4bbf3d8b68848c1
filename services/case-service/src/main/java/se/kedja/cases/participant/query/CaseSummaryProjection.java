package se.kedja.cases.participant.query;

import java.sql.Timestamp;
import java.time.Clock;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.kedja.cases.config.AxonConfig;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PersonalDataErased;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.TransferAccepted;

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

	CaseSummaryProjection(JdbcClient jdbc, Clock clock, PersonalDataStore personalData) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.personalData = personalData;
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
	void on(PlanAgreed event, @SequenceNumber long version) {
		update(event, version, "plan_agreed_on = ?", event.agreedOn());
	}

	@EventHandler
	void on(FollowUpHeld event, @SequenceNumber long version) {
		update(event, version, "last_follow_up_on = GREATEST(last_follow_up_on, ?)", event.heldOn());
	}

	@EventHandler
	void on(TransferAccepted event, @SequenceNumber long version) {
		update(event, version, "responsible_actor = ?", event.to().value());
	}

	@EventHandler
	void on(ParticipationPaused event, @SequenceNumber long version) {
		update(event, version, "status = 'PAUSED'");
	}

	@EventHandler
	void on(ParticipationResumed event, @SequenceNumber long version) {
		update(event, version, "status = 'ACTIVE'");
	}

	@EventHandler
	void on(ParticipantExited event, @SequenceNumber long version) {
		update(event, version, "status = 'EXITED', exited_on = ?", event.exitedOn());
		this.personalData.closeEnrolment(event.participantId());
	}

	@EventHandler
	void on(PersonalDataErased event, @SequenceNumber long version) {
		update(event, version, "personal_data_erased = TRUE");
	}

	@EventHandler
	void on(CaseEvent event, @SequenceNumber long version) {
		update(event, version, null);
	}

	private void update(CaseEvent event, long version, String assignments, Object... values) {
		String set = (assignments != null) ? assignments + ", " : "";
		Object[] params = new Object[values.length + 3];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = version;
		params[values.length + 1] = now();
		params[values.length + 2] = event.participantId().value();
		this.jdbc
			.sql("UPDATE case_summary SET " + set + "version = GREATEST(version, ?), updated_at = ? "
					+ "WHERE participant_id = ?")
			.params(params)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
