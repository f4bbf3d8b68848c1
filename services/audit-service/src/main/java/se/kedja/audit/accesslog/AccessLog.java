package se.kedja.audit.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.events.ParticipantId;

/** The append-only, hash-chained record of who read which case, when and why. */
@Component
public class AccessLog {

	private static final String COLUMNS = "position, accessed_at, accessed_by, participant_id, action, purpose, detail, previous_hash, hash";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccessLog(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void recordCaseRead(Reader reader, ParticipantId participant, Access access, String detail) {
		record(reader, participant.value(), access, detail);
	}

	public void recordRead(Reader reader, Access access, String detail) {
		record(reader, null, access, detail);
	}

	private void record(Reader reader, @Nullable UUID participant, Access access, String detail) {
		transactions.executeWithoutResult((status) -> append(reader, participant, access, detail));
	}

	private void append(Reader reader, @Nullable UUID participant, Access access, String detail) {
		// one writer at a time, so every row links to the row before it
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('audit.access_log'))", Object.class);
		List<Object[]> last = jdbc.query("SELECT position, hash FROM audit.access_log ORDER BY position DESC LIMIT 1",
				(row, n) -> new Object[] { row.getLong(1), row.getString(2) });
		long position = last.isEmpty() ? 0 : (long) last.get(0)[0] + 1;
		String previousHash = last.isEmpty() ? AccessLogEntry.GENESIS : (String) last.get(0)[1];
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String hash = AccessLogEntry.hashOf(position, now, reader.user(), participant, access.code(), reader.purpose(),
				detail, previousHash);
		jdbc.update("INSERT INTO audit.access_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", position,
				Timestamp.from(now), reader.user(), participant, access.code(), reader.purpose(), detail, previousHash,
				hash);
	}

	List<AccessLogEntry> find(AccessLogFilter filter, int offset, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit.access_log WHERE true");
		List<Object> args = new ArrayList<>();
		if (filter.participant() != null) {
			sql.append(" AND participant_id = ?");
			args.add(filter.participant());
		}
		if (filter.user() != null) {
			sql.append(" AND accessed_by = ?");
			args.add(filter.user());
		}
		if (filter.from() != null) {
			sql.append(" AND accessed_at >= ?");
			args.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND accessed_at < ?");
			args.add(Timestamp.from(filter.to()));
		}
		sql.append(" ORDER BY position LIMIT ? OFFSET ?");
		args.add(limit);
		args.add(offset);
		return jdbc.query(sql.toString(), AccessLog::entry, args.toArray());
	}

	/**
	 * The first row whose hash or link does not hold, or null when the whole chain holds.
	 */
	@Nullable AccessLogEntry firstBroken() {
		AccessLogEntry[] previous = { null };
		AccessLogEntry[] broken = { null };
		jdbc.query("SELECT " + COLUMNS + " FROM audit.access_log ORDER BY position", (ResultSet row) -> {
			if (broken[0] != null) {
				return;
			}
			AccessLogEntry entry = entry(row, 0);
			String expectedPrevious = (previous[0] != null) ? previous[0].hash() : AccessLogEntry.GENESIS;
			long expectedPosition = (previous[0] != null) ? previous[0].position() + 1 : 0;
			if (!entry.hashMatches() || !entry.previousHash().equals(expectedPrevious)
					|| entry.position() != expectedPosition) {
				broken[0] = entry;
			}
			previous[0] = entry;
		});
		return broken[0];
	}

	long size() {
		Long count = jdbc.queryForObject("SELECT count(*) FROM audit.access_log", Long.class);
		return (count != null) ? count : 0;
	}

	private static AccessLogEntry entry(ResultSet row, int n) throws SQLException {
		return new AccessLogEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
				row.getObject(4, UUID.class), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
				row.getString(9));
	}

}
