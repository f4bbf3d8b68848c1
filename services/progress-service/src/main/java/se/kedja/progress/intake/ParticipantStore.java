package se.kedja.progress.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The participant table: one row per participant, the current fold of their case. */
@Repository
public class ParticipantStore {

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	ParticipantStore(JdbcClient jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	void save(ProjectionTables tables, Participant p, Instant recordedAt) {
		this.jdbc
			.sql("INSERT INTO " + tables.participant() + " (participant_id, project_id, site, coach, gender,"
					+ " age_band, municipality, target_groups, entry_situations, enrolled_on, exited_on, outcome,"
					+ " post_exit_status, paused, responsible_actor, pending_transfer_since, last_follow_up_on,"
					+ " plan_agreed_on, accessibility_reviewed_everywhere, plan_deadline_missed,"
					+ " post_exit_follow_up_deadline_missed, erased, last_recorded_at, state)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
					+ " ON CONFLICT (participant_id) DO UPDATE SET project_id = excluded.project_id,"
					+ " site = excluded.site, coach = excluded.coach, gender = excluded.gender,"
					+ " age_band = excluded.age_band, municipality = excluded.municipality,"
					+ " target_groups = excluded.target_groups, entry_situations = excluded.entry_situations,"
					+ " enrolled_on = excluded.enrolled_on, exited_on = excluded.exited_on, outcome = excluded.outcome,"
					+ " post_exit_status = excluded.post_exit_status, paused = excluded.paused,"
					+ " responsible_actor = excluded.responsible_actor,"
					+ " pending_transfer_since = excluded.pending_transfer_since,"
					+ " last_follow_up_on = excluded.last_follow_up_on, plan_agreed_on = excluded.plan_agreed_on,"
					+ " accessibility_reviewed_everywhere = excluded.accessibility_reviewed_everywhere,"
					+ " plan_deadline_missed = excluded.plan_deadline_missed,"
					+ " post_exit_follow_up_deadline_missed = excluded.post_exit_follow_up_deadline_missed,"
					+ " erased = excluded.erased, last_recorded_at = excluded.last_recorded_at, state = excluded.state")
			.params(UUID.fromString(p.participantId()), p.projectId(), p.site(), p.coach(), p.gender(), p.ageBand(),
					p.municipality(), p.targetGroups().toArray(String[]::new),
					p.entrySituations().toArray(String[]::new), p.enrolledOn(), p.exitedOn(), p.outcome(),
					this.mapper.writeValueAsString(p.postExitStatus()), p.paused(), p.responsibleActor(),
					p.pendingTransferSince(), p.lastFollowUpOn(), p.planAgreedOn(), p.accessibilityReviewedEverywhere(),
					p.planDeadlineMissed(), p.postExitFollowUpDeadlineMissed(), p.erased(), Timestamp.from(recordedAt),
					this.mapper.writeValueAsString(p))
			.update();
	}

	void delete(ProjectionTables tables, String participantId) {
		this.jdbc.sql("DELETE FROM " + tables.participant() + " WHERE participant_id = ?")
			.param(UUID.fromString(participantId))
			.update();
	}

	void forEachOfProject(ProjectionTables tables, String projectId, Consumer<Participant> action) {
		this.jdbc.sql("SELECT state FROM " + tables.participant() + " WHERE project_id = ?")
			.param(projectId)
			.query((rs) -> {
				action.accept(this.mapper.readValue(rs.getString(1), Participant.class));
			});
	}

}
