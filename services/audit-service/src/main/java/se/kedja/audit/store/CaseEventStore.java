package se.kedja.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.json.EventJson;

/** The append-only store of case events; {@code event_id} is the dedupe key. */
@Repository
public class CaseEventStore {

	private static final String COLUMNS = """
			event_id, participant_id, sequence, type, schema_version, business_date, recorded_at, recorded_at_text,
			recorded_by, command_id, correlation_id, import_id, hash, previous_hash, global_position,
			topic_partition, topic_offset, payload::text, received_at""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final TypedPayloads payloads;

	public CaseEventStore(JdbcTemplate jdbc, EventJson eventJson) {
		this.jdbc = jdbc;
		this.json = eventJson.mapper();
		this.payloads = new TypedPayloads(eventJson);
	}

	/**
	 * Stores each event once, as one JDBC batch in the caller's transaction: an event
	 * already stored (a redelivery) hits the dedupe key and changes nothing.
	 */
	public void append(List<StoredEvent> events) {
		jdbc.batchUpdate("""
				INSERT INTO audit.case_event (event_id, participant_id, sequence, type, schema_version, business_date,
				    recorded_at, recorded_at_text, recorded_by, command_id, correlation_id, import_id, hash,
				    previous_hash, global_position, topic_partition, topic_offset, payload, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
				ON CONFLICT (event_id) DO NOTHING
				""", events.stream().map(this::insertArguments).toList());
	}

	private Object[] insertArguments(StoredEvent event) {
		return new Object[] { event.eventId().value(), event.participantId().value(), event.sequence(), event.type(),
				event.schemaVersion(), event.businessDate(), Timestamp.from(event.recordedAt()), event.recordedAtText(),
				event.recordedBy(), event.commandId(), event.correlationId(), event.importId(), event.hash(),
				event.previousHash(), event.globalPosition(), event.partition(), event.offset(),
				json.writeValueAsString(event.payload()), Timestamp.from(event.receivedAt()) };
	}

	/** The project of each enrolled case; the first assignment of a participant stays. */
	public void assignProjects(List<ParticipantEnrolled> enrolments) {
		jdbc.batchUpdate(
				"INSERT INTO audit.case_project (participant_id, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
				enrolments.stream()
					.map((enrolled) -> new Object[] { enrolled.participantId().value(), enrolled.projectId().value() })
					.toList());
	}

	/** Every stored event of a case in sequence order: one indexed query. */
	public List<StoredEvent> eventsOf(ParticipantId participant) {
		return jdbc.query(
				"SELECT " + COLUMNS
						+ " FROM audit.case_event WHERE participant_id = ? ORDER BY sequence, received_at, event_id",
				this::row, participant.value());
	}

	public List<StoredEvent> eventsOf(ParticipantId participant, long offset, int limit) {
		return jdbc.query("SELECT " + COLUMNS
				+ " FROM audit.case_event WHERE participant_id = ? ORDER BY sequence, received_at, event_id"
				+ " LIMIT ? OFFSET ?", this::row, participant.value(), limit, offset);
	}

	public List<ParticipantId> casesOf(ProjectId project) {
		return jdbc.query("SELECT participant_id FROM audit.case_project WHERE project_id = ? ORDER BY participant_id",
				(row, n) -> new ParticipantId(row.getObject(1, UUID.class)), project.value());
	}

	public boolean exists(ParticipantId participant) {
		return Boolean.TRUE
			.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM audit.case_event WHERE participant_id = ?)",
					Boolean.class, participant.value()));
	}

	public List<StoredEvent> requireEventsOf(ParticipantId participant) {
		List<StoredEvent> events = eventsOf(participant);
		if (events.isEmpty()) {
			throw new UnknownCase(participant);
		}
		return events;
	}

	/**
	 * The case's events typed for replay, in sequence order; unknown case if there are
	 * none: only the columns the fold reads (the rest of the envelope, hashes and ids,
	 * was fetched, decoded and dropped on every read), each payload typed once per text
	 * ({@link TypedPayloads}).
	 */
	public List<RecordedEvent> requireRecordedOf(ParticipantId participant) {
		List<RecordedEvent> events = jdbc.query("""
				SELECT event_id, recorded_at, type, schema_version, payload::text
				FROM audit.case_event WHERE participant_id = ? ORDER BY sequence, received_at, event_id
				""", (row, n) -> new RecordedEvent(new EventId(row.getObject(1, UUID.class)),
				row.getTimestamp(2).toInstant(), payloads.read(row.getString(3), row.getInt(4), row.getString(5))),
				participant.value());
		if (events.isEmpty()) {
			throw new UnknownCase(participant);
		}
		return events;
	}

	private StoredEvent row(ResultSet row, int n) throws SQLException {
		return new StoredEvent(new EventId(row.getObject(1, UUID.class)),
				new ParticipantId(row.getObject(2, UUID.class)), row.getLong(3), row.getString(4), row.getInt(5),
				row.getObject(6, java.time.LocalDate.class), row.getTimestamp(7).toInstant(), row.getString(8),
				row.getString(9), row.getObject(10, UUID.class), row.getObject(11, UUID.class), row.getString(12),
				row.getString(13), row.getString(14), row.getLong(15), row.getInt(16), row.getLong(17),
				json.readTree(row.getString(18)), row.getTimestamp(19).toInstant());
	}

}
