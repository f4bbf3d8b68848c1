package se.kedja.progress.alerts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.projects.ProjectSettings;

/**
 * Finds gaps in the participant table; each query is one indexed pass over a project's
 * cases.
 */
@Repository
class AlertQueries {

	private static final String COLUMNS = "participant_id, site, coach, responsible_actor";

	private final JdbcClient jdbc;

	AlertQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Alert> find(String projectId, ProjectSettings settings, AlertThresholds thresholds, LocalDate today) {
		List<Alert> alerts = new ArrayList<>();
		alerts.addAll(
				query(Alert.Kind.NO_RESPONSIBLE_ACTOR, "enrolled_on", "responsible_actor IS NULL", projectId, today));
		alerts.addAll(query(Alert.Kind.TRANSFER_NOT_ACCEPTED, "pending_transfer_since", "pending_transfer_since <= ?",
				projectId, today, today.minusDays(thresholds.transferDays())));
		alerts.addAll(query(Alert.Kind.NO_FOLLOW_UP, "coalesce(last_follow_up_on, enrolled_on)",
				"NOT paused AND coalesce(last_follow_up_on, enrolled_on) <= ?", projectId, today,
				today.minusDays(thresholds.followUpDays())));
		alerts.addAll(query(Alert.Kind.PLAN_OVERDUE, "enrolled_on + " + settings.planDueDays(),
				"plan_agreed_on IS NULL AND (plan_deadline_missed OR enrolled_on + ? < ?)", projectId, today,
				settings.planDueDays(), today));
		for (int days : settings.postExitFollowUpDays()) {
			int due = days + settings.postExitFollowUpWindowDays();
			alerts.addAll(query(Alert.Kind.POST_EXIT_FOLLOW_UP_OVERDUE, "exited_on + " + days,
					"NOT jsonb_exists(post_exit_status, ?) AND (post_exit_follow_up_deadline_missed OR exited_on + ? < ?)",
					projectId, today, String.valueOf(days), due, today));
		}
		return alerts;
	}

	private List<Alert> query(Alert.Kind kind, String since, String condition, String projectId, LocalDate today,
			Object... params) {
		boolean exited = kind == Alert.Kind.POST_EXIT_FOLLOW_UP_OVERDUE;
		List<Object> all = new ArrayList<>();
		all.add(projectId);
		all.addAll(List.of(params));
		return this.jdbc.sql("SELECT " + COLUMNS + ", " + since
				+ " AS since FROM participant WHERE project_id = ? AND exited_on IS " + (exited ? "NOT NULL" : "NULL")
				+ " AND NOT erased AND " + condition + " ORDER BY since, participant_id LIMIT 1000")
			.params(all)
			.query((rs, row) -> alert(kind, rs, today))
			.list();
	}

	private static Alert alert(Alert.Kind kind, ResultSet rs, LocalDate today) throws SQLException {
		LocalDate since = rs.getObject("since", Date.class).toLocalDate();
		return new Alert(kind, rs.getString("participant_id"), rs.getString("site"), rs.getString("coach"),
				rs.getString("responsible_actor"), since, ChronoUnit.DAYS.between(since, today));
	}

}
