package se.kedja.progress.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case events of a project are applied side by side (shared lock); a new definition of
 * the project recounts its figures alone (exclusive lock), so no case event moves
 * counters of goals that are being replaced.
 */
@Component
class ProjectLocks {

	private final JdbcClient jdbc;

	ProjectLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void shared(ProjectionTables tables, String projectId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext(?))")
			.param(key(tables, projectId))
			.query()
			.singleRow();
	}

	void exclusive(ProjectionTables tables, String projectId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(key(tables, projectId)).query().singleRow();
	}

	private static String key(ProjectionTables tables, String projectId) {
		return tables.goalTally() + "/" + projectId;
	}

}
