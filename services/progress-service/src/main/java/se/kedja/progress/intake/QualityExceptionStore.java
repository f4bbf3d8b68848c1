package se.kedja.progress.intake;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.GoalProgress.ExceptionCase;
import se.kedja.progress.goals.GoalProgress.Exceptions;
import se.kedja.progress.goals.Reason;

/**
 * The cases that break each quality goal's rule, kept beside the counters: a case's rows
 * are replaced in the transaction that moves its counters.
 */
@Repository
public class QualityExceptionStore {

	private final JdbcClient jdbc;

	QualityExceptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the rows of each case in {@code replaced} with its breaches: one set-based
	 * delete (by the participant index) and one set-based insert. Cases of participants
	 * in {@code unrecorded} (none of their events stored before this transaction) have no
	 * rows yet, so the delete leaves them out: a rebuild, whose cases are mostly new,
	 * then seldom deletes at all.
	 */
	void replaceAll(ProjectionTables tables, Map<CaseKey, List<Breach>> replaced, Set<String> unrecorded) {
		if (replaced.isEmpty()) {
			return;
		}
		List<String> projects = new ArrayList<>(replaced.size());
		List<String> participants = new ArrayList<>(replaced.size());
		List<Breach> breaches = new ArrayList<>();
		List<String> breachProjects = new ArrayList<>();
		replaced.forEach((key, after) -> {
			if (!unrecorded.contains(key.participantId())) {
				projects.add(key.projectId());
				participants.add(key.participantId());
			}
			after.forEach((breach) -> breachProjects.add(key.projectId()));
			breaches.addAll(after);
		});
		if (!participants.isEmpty()) {
			this.jdbc
				.sql("DELETE FROM " + tables.qualityException() + " e USING unnest(?::text[], ?::uuid[])"
						+ " AS c(project_id, participant_id)"
						+ " WHERE e.participant_id = c.participant_id AND e.project_id = c.project_id")
				.params(projects.toArray(String[]::new), participants.toArray(String[]::new))
				.update();
		}
		insert(tables, breachProjects, breaches);
	}

	/**
	 * Inserts the rows of each case with COPY, in the caller's transaction: for tables
	 * that hold none of them yet.
	 */
	void copyAll(Connection connection, ProjectionTables tables, Map<CaseKey, List<Breach>> rows) {
		BinaryCopy copy = new BinaryCopy();
		rows.forEach((key, breaches) -> {
			for (Breach breach : breaches) {
				copy.row(7)
					.text(key.projectId())
					.text(breach.goalId())
					.uuid(UUID.fromString(breach.participantId()))
					.text(breach.reason().label())
					.date(breach.date())
					.date(breach.pendingUntil())
					.text(breach.detail());
			}
		});
		copy.into(connection, tables.qualityException(),
				"project_id, goal_id, participant_id, reason, business_date, pending_until, detail");
	}

	void add(ProjectionTables tables, String projectId, List<Breach> breaches) {
		insert(tables, Collections.nCopies(breaches.size(), projectId), breaches);
	}

	/**
	 * Inserts each breach under the project at the same place in {@code projectIds}: one
	 * statement.
	 */
	private void insert(ProjectionTables tables, List<String> projectIds, List<Breach> breaches) {
		if (breaches.isEmpty()) {
			return;
		}
		int n = breaches.size();
		String[] goals = new String[n];
		String[] participants = new String[n];
		String[] reasons = new String[n];
		String[] dates = new String[n];
		String[] pendingUntil = new String[n];
		String[] details = new String[n];
		for (int i = 0; i < n; i++) {
			Breach breach = breaches.get(i);
			goals[i] = breach.goalId();
			participants[i] = breach.participantId();
			reasons[i] = breach.reason().label();
			dates[i] = breach.date().toString();
			pendingUntil[i] = (breach.pendingUntil() != null) ? breach.pendingUntil().toString() : null;
			details[i] = breach.detail();
		}
		this.jdbc.sql("INSERT INTO " + tables.qualityException() + " (project_id, goal_id, participant_id, reason,"
				+ " business_date, pending_until, detail)"
				+ " SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::date[], ?::date[], ?::text[])")
			.params(projectIds.toArray(String[]::new), goals, participants, reasons, dates, pendingUntil, details)
			.update();
	}

	void clear(ProjectionTables tables, String projectId) {
		this.jdbc.sql("DELETE FROM " + tables.qualityException() + " WHERE project_id = ?").param(projectId).update();
	}

	/**
	 * The first {@link Exceptions#LIMIT} exceptions of each goal in {@code goalIds} on
	 * {@code day}, oldest business date first, then by participant id: per goal, one walk
	 * down the index {@code quality_exception_listed} that stops at the limit, so the
	 * read does not grow with the cases. Rows still in their window sort last (their
	 * business date is the window's last day), so the walk seldom passes any. How many
	 * there are comes from the counters (see {@code GoalEvaluator}), not from here.
	 */
	public Map<String, List<ExceptionCase>> listed(String projectId, List<String> goalIds, LocalDate day) {
		Map<String, List<ExceptionCase>> listed = new LinkedHashMap<>();
		if (goalIds.isEmpty()) {
			return listed;
		}
		this.jdbc
			.sql("SELECT g.goal_id, e.participant_id, e.reason, e.business_date, e.detail"
					+ " FROM unnest(?::text[]) AS g(goal_id) CROSS JOIN LATERAL ("
					+ " SELECT participant_id, reason, business_date, detail FROM quality_exception"
					+ " WHERE project_id = ? AND goal_id = g.goal_id AND (pending_until IS NULL OR pending_until < ?)"
					+ " ORDER BY business_date, participant_id LIMIT ?) e"
					+ " ORDER BY g.goal_id, e.business_date, e.participant_id")
			.params(goalIds.toArray(String[]::new), projectId, day, Exceptions.LIMIT)
			.query((rs) -> {
				listed.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>())
					.add(new ExceptionCase(rs.getString(2), Reason.ofLabel(rs.getString(3)),
							rs.getObject(4, LocalDate.class), rs.getString(5)));
			});
		return listed;
	}

	/** One case's rows of one project. */
	record CaseKey(String projectId, String participantId) {

	}

}
