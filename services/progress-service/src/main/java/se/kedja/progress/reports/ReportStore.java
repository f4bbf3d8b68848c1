package se.kedja.progress.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only record of every monthly report produced (table funder_report). */
@Repository
class ReportStore {

	private static final String COLUMNS = "report_id, project_id, month, version, cut_off, produced_at, produced_by,"
			+ " row_count, content_sha256, content";

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(StoredReport report) {
		this.jdbc.sql("INSERT INTO funder_report (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(report.reportId(), report.projectId(), report.month().toString(), report.version(),
					Timestamp.from(report.cutOff()), Timestamp.from(report.producedAt()), report.producedBy(),
					report.rows(), report.sha256(), report.content())
			.update();
	}

	/** Serialises producers of one project, so versions and the order of months hold. */
	void lockProject(String projectId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('funder_report:' || ?))").param(projectId).query((rs) -> {
		});
	}

	Optional<StoredReport> latest(String projectId, YearMonth month) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM funder_report WHERE project_id = ? AND month = ?"
					+ " ORDER BY version DESC LIMIT 1")
			.params(projectId, month.toString())
			.query(ReportStore::report)
			.optional();
	}

	Optional<StoredReport> version(String projectId, YearMonth month, int version) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM funder_report WHERE project_id = ? AND month = ? AND version = ?")
			.params(projectId, month.toString(), version)
			.query(ReportStore::report)
			.optional();
	}

	/**
	 * Every version of every month of the project, months in order, versions in order.
	 */
	List<StoredReport> all(String projectId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM funder_report WHERE project_id = ? ORDER BY month, version")
			.param(projectId)
			.query(ReportStore::report)
			.list();
	}

	private static StoredReport report(ResultSet rs, int row) throws SQLException {
		return new StoredReport(rs.getObject(1, java.util.UUID.class), rs.getString(2),
				YearMonth.parse(rs.getString(3)), rs.getInt(4), rs.getTimestamp(5).toInstant(),
				rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getBytes(10));
	}

}
