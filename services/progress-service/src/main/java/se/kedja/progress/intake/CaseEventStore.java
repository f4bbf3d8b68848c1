package se.kedja.progress.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;

/** Every case event as received, kept so a case can be folded again. */
@Repository
public class CaseEventStore {

	private final JdbcClient jdbc;

	private final EventJson json;

	CaseEventStore(JdbcClient jdbc, EventJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Keeps the events of a batch: one statement. */
	void appendAll(ProjectionTables tables, List<Received> received) {
		if (received.isEmpty()) {
			return;
		}
		int n = received.size();
		String[] eventIds = new String[n];
		String[] participantIds = new String[n];
		String[] projectIds = new String[n];
		String[] sequences = new String[n];
		String[] types = new String[n];
		String[] businessDates = new String[n];
		String[] recordedAt = new String[n];
		byte[][] envelopes = new byte[n][];
		for (int i = 0; i < n; i++) {
			EventEnvelope<CaseEvent> envelope = received.get(i).envelope();
			eventIds[i] = envelope.eventId().value().toString();
			participantIds[i] = envelope.payload().participantId().value().toString();
			projectIds[i] = received.get(i).projectId();
			sequences[i] = Long.toString(envelope.sequence());
			types[i] = envelope.type();
			businessDates[i] = envelope.businessDate().toString();
			recordedAt[i] = envelope.recordedAt().toString();
			envelopes[i] = this.json.write(envelope);
		}
		this.jdbc
			.sql("INSERT INTO " + tables.caseEvent()
					+ " (event_id, participant_id, project_id, sequence, type, business_date, recorded_at, envelope)"
					+ " SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::date[],"
					+ " ?::timestamptz[], ?::bytea[])")
			.params(eventIds, participantIds, projectIds, sequences, types, businessDates, recordedAt, envelopes)
			.update();
	}

	/** The stored histories of {@code participantIds}, each in sequence order. */
	Map<UUID, List<EventEnvelope<CaseEvent>>> histories(ProjectionTables tables, Collection<UUID> participantIds) {
		Map<UUID, List<EventEnvelope<CaseEvent>>> histories = new HashMap<>();
		this.jdbc
			.sql("SELECT participant_id, envelope FROM " + tables.caseEvent()
					+ " WHERE participant_id = ANY(?::uuid[]) ORDER BY participant_id, sequence")
			.param(participantIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs) -> {
				histories.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new ArrayList<>())
					.add(this.json.readCase(rs.getBytes(2)));
			});
		return histories;
	}

	List<EventEnvelope<CaseEvent>> history(ProjectionTables tables, UUID participantId) {
		return this.jdbc
			.sql("SELECT envelope FROM " + tables.caseEvent() + " WHERE participant_id = ? ORDER BY sequence")
			.param(participantId)
			.query((rs, row) -> this.json.readCase(rs.getBytes(1)))
			.list();
	}

	/** The project's case histories as recorded before {@code until}, by participant. */
	public Map<UUID, List<EventEnvelope<CaseEvent>>> projectHistoriesBefore(String projectId, Instant until) {
		Map<UUID, List<EventEnvelope<CaseEvent>>> histories = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT e.participant_id, e.envelope FROM case_event e"
					+ " WHERE e.participant_id IN (SELECT participant_id FROM case_event WHERE project_id = ?)"
					+ " AND e.recorded_at < ? ORDER BY e.participant_id, e.sequence")
			.params(projectId, Timestamp.from(until))
			.query((rs) -> {
				histories.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new ArrayList<>())
					.add(this.json.readCase(rs.getBytes(2)));
			});
		return histories;
	}

	/** An event as received, with the project its case belongs to after it (if any). */
	record Received(EventEnvelope<CaseEvent> envelope, @Nullable String projectId) {

	}

}
