package se.kedja.progress.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The participant table: one row per participant, the current fold of their case. */
@Repository
public class ParticipantStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper mapper;

	ParticipantStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.mapper = mapper;
	}

	void save(ProjectionTables tables, Participant p, Instant recordedAt) {
		saveAll(tables, List.of(new Saved(p, recordedAt)));
	}

	/** Upserts each participant's row: one statement batch. */
	void saveAll(ProjectionTables tables, List<Saved> saved) {
		if (saved.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(saved.size());
		for (Saved s : saved) {
			rows.add(row(s.participant(), s.recordedAt()));
		}
		this.batch.batchUpdate(upsert(tables.participant()), rows);
	}

	private static String upsert(String table) {
		return "INSERT INTO " + table + " (participant_id, project_id, site, coach, gender,"
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
				+ " erased = excluded.erased, last_recorded_at = excluded.last_recorded_at, state = excluded.state";
	}

	private Object[] row(Participant p, Instant recordedAt) {
		return new Object[] { UUID.fromString(p.participantId()), p.projectId(), p.site(), p.coach(), p.gender(),
				p.ageBand(), p.municipality(), p.targetGroups().toArray(String[]::new),
				p.entrySituations().toArray(String[]::new), p.enrolledOn(), p.exitedOn(), p.outcome(),
				this.mapper.writeValueAsString(p.postExitStatus()), p.paused(), p.responsibleActor(),
				p.pendingTransferSince(), p.lastFollowUpOn(), p.planAgreedOn(), p.accessibilityReviewedEverywhere(),
				p.planDeadlineMissed(), p.postExitFollowUpDeadlineMissed(), p.erased(), Timestamp.from(recordedAt),
				this.mapper.writeValueAsString(p) };
	}

	void deleteAll(ProjectionTables tables, List<String> participantIds) {
		if (participantIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("DELETE FROM " + tables.participant() + " WHERE participant_id = ANY(?::uuid[])")
			.param(participantIds.toArray(String[]::new))
			.update();
	}

	void forEachOfProject(ProjectionTables tables, String projectId, Consumer<Participant> action) {
		this.jdbc.sql("SELECT state FROM " + tables.participant() + " WHERE project_id = ?")
			.param(projectId)
			.query((rs) -> {
				action.accept(this.mapper.readValue(rs.getString(1), Participant.class));
			});
	}

	/** A participant's row to save, with the time of the event that left it so. */
	record Saved(Participant participant, Instant recordedAt) {

	}

}
