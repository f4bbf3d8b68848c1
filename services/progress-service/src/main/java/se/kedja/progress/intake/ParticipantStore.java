package se.kedja.progress.intake;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The participant table: one row per participant, the current fold of their case. */
@Repository
public class ParticipantStore {

	private static final String COLUMNS = "participant_id, project_id, site, coach, gender, age_band, municipality,"
			+ " target_groups, entry_situations, enrolled_on, exited_on, outcome, post_exit_status, paused,"
			+ " responsible_actor, pending_transfer_since, last_follow_up_on, plan_agreed_on,"
			+ " accessibility_reviewed_everywhere, plan_deadline_missed, post_exit_follow_up_deadline_missed, erased,"
			+ " last_recorded_at, state";

	private static final String UPDATES = Arrays.stream(COLUMNS.split(","))
		.map(String::trim)
		.filter((column) -> !column.equals("participant_id"))
		.map((column) -> column + " = excluded." + column)
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	ParticipantStore(JdbcClient jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	void save(ProjectionTables tables, Participant p, Instant recordedAt) {
		saveAll(tables, List.of(new Saved(p, recordedAt)));
	}

	/**
	 * Upserts each participant's row: one statement, the rows passed as one JSON array of
	 * objects named by column (jsonb_populate_recordset).
	 */
	void saveAll(ProjectionTables tables, List<Saved> saved) {
		if (saved.isEmpty()) {
			return;
		}
		ArrayNode rows = this.mapper.createArrayNode();
		for (Saved s : saved) {
			rows.add(row(s.participant(), s.recordedAt()));
		}
		this.jdbc
			.sql("INSERT INTO " + tables.participant() + " (" + COLUMNS + ") SELECT " + COLUMNS
					+ " FROM jsonb_populate_recordset(null::" + tables.participant() + ", ?::jsonb)"
					+ " ON CONFLICT (participant_id) DO UPDATE SET " + UPDATES)
			.param(this.mapper.writeValueAsString(rows))
			.update();
	}

	/**
	 * Inserts each participant's row with COPY, in the caller's transaction: for tables
	 * that hold none of them yet.
	 */
	void copyAll(Connection connection, ProjectionTables tables, List<Saved> saved) {
		BinaryCopy copy = new BinaryCopy();
		for (Saved s : saved) {
			Participant p = s.participant();
			copy.row(24)
				.uuid(UUID.fromString(p.participantId()))
				.text(p.projectId())
				.text(p.site())
				.text(p.coach())
				.text(p.gender())
				.text(p.ageBand())
				.text(p.municipality())
				.textArray(p.targetGroups())
				.textArray(p.entrySituations())
				.date(p.enrolledOn())
				.date(p.exitedOn())
				.text(p.outcome())
				.jsonb(this.mapper.writeValueAsBytes(p.postExitStatus()))
				.bool(p.paused())
				.text(p.responsibleActor())
				.date(p.pendingTransferSince())
				.date(p.lastFollowUpOn())
				.date(p.planAgreedOn())
				.bool(p.accessibilityReviewedEverywhere())
				.bool(p.planDeadlineMissed())
				.bool(p.postExitFollowUpDeadlineMissed())
				.bool(p.erased())
				.timestamptz(s.recordedAt())
				.jsonb(this.mapper.writeValueAsBytes(p));
		}
		copy.into(connection, tables.participant(), COLUMNS);
	}

	private ObjectNode row(Participant p, Instant recordedAt) {
		ObjectNode row = this.mapper.createObjectNode();
		row.put("participant_id", p.participantId());
		row.put("project_id", p.projectId());
		row.put("site", p.site());
		row.put("coach", p.coach());
		row.put("gender", p.gender());
		row.put("age_band", p.ageBand());
		row.put("municipality", p.municipality());
		p.targetGroups().forEach(row.putArray("target_groups")::add);
		p.entrySituations().forEach(row.putArray("entry_situations")::add);
		row.put("enrolled_on", p.enrolledOn().toString());
		row.put("exited_on", text(p.exitedOn()));
		row.put("outcome", p.outcome());
		row.set("post_exit_status", this.mapper.valueToTree(p.postExitStatus()));
		row.put("paused", p.paused());
		row.put("responsible_actor", p.responsibleActor());
		row.put("pending_transfer_since", text(p.pendingTransferSince()));
		row.put("last_follow_up_on", text(p.lastFollowUpOn()));
		row.put("plan_agreed_on", text(p.planAgreedOn()));
		row.put("accessibility_reviewed_everywhere", p.accessibilityReviewedEverywhere());
		row.put("plan_deadline_missed", p.planDeadlineMissed());
		row.put("post_exit_follow_up_deadline_missed", p.postExitFollowUpDeadlineMissed());
		row.put("erased", p.erased());
		row.put("last_recorded_at", recordedAt.toString());
		row.set("state", this.mapper.valueToTree(p));
		return row;
	}

	private static @Nullable String text(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
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
