package se.kedja.cases.imports;

import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.ParticipantId;

/**
 * The import's own tables: the job and its counts, the identity of every line an import
 * recorded (what makes a re-import record nothing), the file's references for people, and
 * the report of every line.
 */
@Repository
class ImportStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ImportStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	record Job(UUID importId, String projectId, String format, String fileName, boolean dryRun, String status,
			String startedBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			long linesRead, long accepted, long rejected, long alreadyImported, @Nullable String failure,
			@Nullable Instant revertedAt, @Nullable String revertedBy, @Nullable Integer casesReverted) {
	}

	record LineResult(long line, String outcome, String command, String participant, String column, String code,
			String reasonSv, String reasonEn) {
	}

	void create(UUID importId, String projectId, ImportFormat format, String fileName, boolean dryRun, String startedBy,
			Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO import_job (import_id, project_id, format, file_name, dry_run, status, started_by, created_at)
					VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
			.params(importId, projectId, format.name(), fileName, dryRun, startedBy, Timestamp.from(now))
			.update();
	}

	void status(UUID importId, String status, @Nullable String failure, Instant now) {
		String column = switch (status) {
			case "RUNNING" -> "started_at";
			case "REVERTED" -> "reverted_at";
			default -> "finished_at";
		};
		this.jdbc
			.sql("UPDATE import_job SET status = ?, failure = COALESCE(?, failure), " + column
					+ " = ? WHERE import_id = ?")
			.params(status, failure, Timestamp.from(now), importId)
			.update();
	}

	void counts(UUID importId, long read, long accepted, long rejected, long already) {
		this.jdbc.sql("""
				UPDATE import_job SET lines_read = ?, accepted = ?, rejected = ?, already_imported = ?
				WHERE import_id = ?""").params(read, accepted, rejected, already, importId).update();
	}

	void reverted(UUID importId, String by, int cases, Instant now) {
		this.jdbc.sql("""
				UPDATE import_job SET status = 'REVERTED', reverted_at = ?, reverted_by = ?, cases_reverted = ?
				WHERE import_id = ?""").params(Timestamp.from(now), by, cases, importId).update();
		this.jdbc.sql("DELETE FROM import_line WHERE import_id = ?").param(importId).update();
		this.jdbc.sql("DELETE FROM import_participant WHERE import_id = ?").param(importId).update();
	}

	/** Jobs left running by a stop of the service. */
	int interrupted(Instant now) {
		return this.jdbc.sql("""
				UPDATE import_job SET status = 'INTERRUPTED', finished_at = ?
				WHERE status IN ('QUEUED', 'RUNNING', 'REVERTING')""").param(Timestamp.from(now)).update();
	}

	Optional<Job> find(String projectId, UUID importId) {
		return this.jdbc.sql("SELECT * FROM import_job WHERE import_id = ? AND project_id = ?")
			.params(importId, projectId)
			.query((rs, n) -> new Job(rs.getObject("import_id", UUID.class), rs.getString("project_id"),
					rs.getString("format"), rs.getString("file_name"), rs.getBoolean("dry_run"), rs.getString("status"),
					rs.getString("started_by"), instant(rs.getTimestamp("created_at")),
					instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
					rs.getLong("lines_read"), rs.getLong("accepted"), rs.getLong("rejected"),
					rs.getLong("already_imported"), rs.getString("failure"), instant(rs.getTimestamp("reverted_at")),
					rs.getString("reverted_by"), (Integer) rs.getObject("cases_reverted")))
			.optional();
	}

	boolean imported(String projectId, String identity) {
		return this.jdbc.sql("SELECT 1 FROM import_line WHERE project_id = ? AND line_identity = ?")
			.params(projectId, identity)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	void recordLine(String projectId, String identity, UUID importId, ParticipantId participant) {
		this.jdbc.sql("""
				INSERT INTO import_line (project_id, line_identity, import_id, participant_id) VALUES (?, ?, ?, ?)""")
			.params(projectId, identity, importId, participant.value())
			.update();
	}

	void recordParticipant(String projectId, String reference, ParticipantId participant, UUID importId) {
		this.jdbc.sql("""
				INSERT INTO import_participant (project_id, external_ref, participant_id, import_id) VALUES (?, ?, ?, ?)
				ON CONFLICT (project_id, external_ref) DO UPDATE SET participant_id = excluded.participant_id,
				  import_id = excluded.import_id""")
			.params(projectId, reference, participant.value(), importId)
			.update();
	}

	Optional<ParticipantId> participant(String projectId, String reference) {
		return this.jdbc.sql("SELECT participant_id FROM import_participant WHERE project_id = ? AND external_ref = ?")
			.params(projectId, reference)
			.query(UUID.class)
			.optional()
			.map(ParticipantId::new);
	}

	List<ParticipantId> cases(UUID importId) {
		return this.jdbc.sql("SELECT DISTINCT participant_id FROM import_line WHERE import_id = ?")
			.param(importId)
			.query(UUID.class)
			.list()
			.stream()
			.map(ParticipantId::new)
			.toList();
	}

	void results(UUID importId, List<LineResult> results) {
		this.template.batchUpdate("""
				INSERT INTO import_result (import_id, line_no, outcome, command, participant, column_name, code,
				  reason_sv, reason_en)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", results, 500, (ps, r) -> {
			ps.setObject(1, importId);
			ps.setLong(2, r.line());
			ps.setString(3, r.outcome());
			ps.setString(4, r.command());
			ps.setString(5, r.participant());
			ps.setString(6, r.column());
			ps.setString(7, r.code());
			ps.setString(8, r.reasonSv());
			ps.setString(9, r.reasonEn());
		});
	}

	List<LineResult> results(UUID importId, int limit) {
		return this.jdbc.sql("SELECT * FROM import_result WHERE import_id = ? ORDER BY line_no LIMIT ?")
			.params(importId, limit)
			.query((rs, n) -> result(rs))
			.list();
	}

	void writeReport(UUID importId, Writer out) {
		this.template.setFetchSize(1000);
		this.template.query("SELECT * FROM import_result WHERE import_id = ? ORDER BY line_no", (rs) -> {
			try {
				out.write(Csv.row(result(rs)));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}, importId);
	}

	private static LineResult result(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new LineResult(rs.getLong("line_no"), rs.getString("outcome"), rs.getString("command"),
				rs.getString("participant"), rs.getString("column_name"), rs.getString("code"),
				rs.getString("reason_sv"), rs.getString("reason_en"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** The report as CSV (RFC 4180, UTF-8). */
	static final class Csv {

		static final String HEADER = "line,outcome,command,participant,column,code,reason_sv,reason_en\r\n";

		private Csv() {
		}

		static String row(LineResult r) {
			return String.join(",", Long.toString(r.line()), quote(r.outcome()), quote(r.command()),
					quote(r.participant()), quote(r.column()), quote(r.code()), quote(r.reasonSv()),
					quote(r.reasonEn())) + "\r\n";
		}

		static String quote(@Nullable String value) {
			if (value == null) {
				return "";
			}
			return (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains(";"))
					? "\"" + value.replace("\"", "\"\"") + "\"" : value;
		}

	}

}
