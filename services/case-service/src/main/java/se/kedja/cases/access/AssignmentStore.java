package se.kedja.cases.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The assignments in force, and the append-only log of every change to them. */
@Component
class AssignmentStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	AssignmentStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Assignment(String projectId, String userId, List<String> sites, Instant assignedAt, String assignedBy) {

		/** {@code project} for every site, else one {@code project/site} per site. */
		List<String> scopes() {
			return this.sites.isEmpty() ? List.of(this.projectId)
					: this.sites.stream().map((site) -> this.projectId + "/" + site).toList();
		}

	}

	/**
	 * Assigns, or changes the sites of, a user. Idempotent as a PUT should be: assigning
	 * what is already in force (a retry, a double submit) changes nothing and logs
	 * nothing, and answers with the assignment as it stands.
	 */
	@Transactional
	Assignment assign(String projectId, String userId, List<String> sites, String by) {
		Instant now = this.clock.instant();
		String[] siteArray = sites.stream().distinct().sorted().toArray(String[]::new);
		int changed = this.jdbc.sql("""
				INSERT INTO assignment (project_id, user_id, sites, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (project_id, user_id) DO UPDATE
				SET sites = excluded.sites, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
				WHERE assignment.sites IS DISTINCT FROM excluded.sites""")
			.params(projectId, userId, siteArray, java.sql.Timestamp.from(now), by)
			.update();
		if (changed == 0) {
			return this.jdbc.sql("SELECT * FROM assignment WHERE project_id = ? AND user_id = ?")
				.params(projectId, userId)
				.query(AssignmentStore::assignment)
				.single();
		}
		log(projectId, userId, "assigned", siteArray, now, by);
		return new Assignment(projectId, userId, List.of(siteArray), now, by);
	}

	@Transactional
	boolean unassign(String projectId, String userId, String by) {
		int removed = this.jdbc.sql("DELETE FROM assignment WHERE project_id = ? AND user_id = ?")
			.params(projectId, userId)
			.update();
		if (removed > 0) {
			log(projectId, userId, "unassigned", new String[0], this.clock.instant(), by);
		}
		return removed > 0;
	}

	List<Assignment> ofProject(String projectId) {
		return this.jdbc.sql("SELECT * FROM assignment WHERE project_id = ? ORDER BY user_id")
			.param(projectId)
			.query(AssignmentStore::assignment)
			.list();
	}

	List<Assignment> ofUser(String userId) {
		return this.jdbc.sql("SELECT * FROM assignment WHERE user_id = ? ORDER BY project_id")
			.param(userId)
			.query(AssignmentStore::assignment)
			.list();
	}

	private void log(String projectId, String userId, String action, String[] sites, Instant at, String by) {
		this.jdbc.sql("""
				INSERT INTO assignment_log (project_id, user_id, action, sites, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(projectId, userId, action, sites, java.sql.Timestamp.from(at), by)
			.update();
	}

	private static Assignment assignment(ResultSet rs, int row) throws SQLException {
		Array sites = rs.getArray("sites");
		return new Assignment(rs.getString("project_id"), rs.getString("user_id"),
				Arrays.asList((String[]) sites.getArray()), rs.getTimestamp("assigned_at").toInstant(),
				rs.getString("assigned_by"));
	}

}
