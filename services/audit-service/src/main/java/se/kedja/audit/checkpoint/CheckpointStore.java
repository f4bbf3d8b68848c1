package se.kedja.audit.checkpoint;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CheckpointStore {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	CheckpointStore(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<CaseHead> headsOf(String projectId) {
		return jdbc.query("""
				SELECT DISTINCT ON (e.participant_id) e.participant_id, e.sequence, e.hash
				FROM audit.case_event e JOIN audit.case_project p ON p.participant_id = e.participant_id
				WHERE p.project_id = ?
				ORDER BY e.participant_id, e.sequence DESC, e.received_at
				""", (row, n) -> new CaseHead(row.getObject(1, UUID.class), row.getLong(2), row.getString(3)),
				projectId);
	}

	List<ConsumedPosition> positions(String topic) {
		return jdbc.query("""
				SELECT topic_partition, max(topic_offset) FROM audit.case_event
				GROUP BY topic_partition ORDER BY topic_partition
				""", (row, n) -> new ConsumedPosition(topic, row.getInt(1), row.getLong(2)));
	}

	List<String> projects() {
		return jdbc.queryForList("SELECT DISTINCT project_id FROM audit.case_project ORDER BY 1", String.class);
	}

	void insert(Checkpoint checkpoint) {
		jdbc.update(
				"INSERT INTO audit.checkpoint (checkpoint_id, project_id, created_at, document) VALUES (?, ?, ?, ?::jsonb)",
				checkpoint.checkpointId(), checkpoint.projectId(), Timestamp.from(checkpoint.createdAt()),
				json.writeValueAsString(checkpoint));
	}

	Optional<Checkpoint> find(UUID checkpointId) {
		return jdbc
			.query("SELECT document::text FROM audit.checkpoint WHERE checkpoint_id = ?",
					(row, n) -> json.readValue(row.getString(1), Checkpoint.class), checkpointId)
			.stream()
			.findFirst();
	}

}
