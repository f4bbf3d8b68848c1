package se.kedja.cases.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only log of identity resolutions, granted and refused. */
@Repository
class ResolutionLog {

	private final JdbcClient jdbc;

	ResolutionLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Entry entry) {
		this.jdbc.sql("""
				INSERT INTO identity_resolution (requested_at, requested_by, role, report_id, report_hash, purpose,
				    participant_count, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(entry.requestedAt()), entry.requestedBy(), entry.role(), entry.reportId(),
					entry.reportHash(), entry.purpose(), entry.participantCount(), entry.outcome(), entry.reason())
			.update();
	}

	List<Entry> latest(int limit) {
		return this.jdbc.sql("""
				SELECT requested_at, requested_by, role, report_id, report_hash, purpose, participant_count, outcome,
				    reason FROM identity_resolution ORDER BY id DESC LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	/**
	 * One request: {@code outcome} is {@code resolved} or {@code refused} (with a
	 * reason).
	 */
	record Entry(Instant requestedAt, String requestedBy, @Nullable String role, @Nullable String reportId,
			@Nullable String reportHash, @Nullable String purpose, int participantCount, String outcome,
			@Nullable String reason) {

	}

}
