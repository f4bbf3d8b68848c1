package se.kedja.progress;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.kedja.progress.fixtures.TestProject;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.GoalEvaluator;
import se.kedja.progress.goals.GoalProgress;
import se.kedja.progress.goals.GoalProgress.ExceptionCase;
import se.kedja.progress.goals.GoalProgress.Exceptions;
import se.kedja.progress.goals.Reason;
import se.kedja.progress.intake.QualityExceptionStore;
import se.kedja.progress.intake.TallyStore;
import se.kedja.progress.projects.ProgressQueries;
import se.kedja.progress.projects.ProjectCatalog;
import se.kedja.progress.projects.ProjectCatalog.Project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard reads quality exceptions without a scan of them: the count from the
 * counters, the first {@link Exceptions#LIMIT} from an index. Here the stored rows of
 * many participants are written directly (as the projection would leave them), more than
 * the limit per goal, some still in their window, and on every day around the windows'
 * closing the exceptions read equal a naive count and sort of the raw rows.
 * <p>
 * A scale check on demand: {@code -Dkedja.dashboard.participants=1000000} seeds that many
 * (or any number) and prints the read's query plans and timings (printed only, never
 * asserted: timings belong in the benchmarks).
 */
class DashboardReadIntegrationTest extends IntegrationTest {

	private static final String PROJECT = "dashboard-read";

	private static final int PARTICIPANTS = Integer.getInteger("kedja.dashboard.participants", 700);

	/** Enrolments spread over this many days from the project's start. */
	private static final int ENROLMENT_DAYS = 600;

	/**
	 * Participant i: plan on time (i % 10 below 7), late (7) or none (8, 9: in its window
	 * until enrolment + 30, unless exited, i % 7 = 0); accessibility not reviewed when i
	 * % 3 = 0; no responsible actor when i % 11 = 0.
	 */
	private static final String PARTICIPANTS_CTE = "WITH p AS (SELECT md5(:project || i)::uuid AS id,"
			+ " (ARRAY['FEMALE','MALE','OTHER'])[1 + i % 3] AS gender,"
			+ " :start::date + (i::bigint * 7919 % :days)::int AS enrolled_on, i % 10 AS plan, i % 7 = 0 AS exited,"
			+ " i % 3 = 0 AS unreviewed, i % 11 = 0 AS unassigned FROM generate_series(1, :n) i) ";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProjectCatalog catalog;

	@Autowired
	private TallyStore tallies;

	@Autowired
	private QualityExceptionStore exceptions;

	@Autowired
	private ProgressQueries queries;

	@Test
	void exceptions_counted_from_the_counters_and_listed_from_the_index_equal_the_raw_rows_on_every_day() {
		publishProject(TestProject.defined(PROJECT, TestProject.goals()));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.catalog.current(PROJECT).isPresent());
		seed();
		try {
			readsEqualTheRawRows();
		}
		finally {
			// the other tests compare every project's figures, e.g. before and after a
			// rebuild from the topics, which hold none of these rows
			this.jdbc.sql("DELETE FROM quality_exception WHERE project_id = ?").param(PROJECT).update();
			this.jdbc.sql("DELETE FROM goal_tally WHERE project_id = ?").param(PROJECT).update();
		}
	}

	private void readsEqualTheRawRows() {
		Project project = this.catalog.current(PROJECT).orElseThrow();
		List<String> quality = project.goals().qualityGoalIds();
		assertThat(quality).containsExactlyInAnyOrder("plan-within-30-days", "accessibility-reviewed",
				"responsible-actor");

		LocalDate start = TestProject.START;
		List<LocalDate> days = new ArrayList<>(List.of(LocalDate.now()));
		for (int offset : new int[] { 0, 29, 30, 31, 32, 45, 100, 301, 302, 599, 629, 630, 631, 700 }) {
			days.add(start.plusDays(offset));
		}
		for (LocalDate day : days) {
			Map<String, Exceptions> read = new TreeMap<>();
			GoalEvaluator
				.evaluate(project.goals(), this.tallies.load(PROJECT), this.exceptions.listed(PROJECT, quality, day),
						day)
				.stream()
				.filter((goal) -> goal.exceptions() != null)
				.forEach((goal) -> read.put(goal.id(), goal.exceptions()));
			Map<String, Exceptions> raw = new TreeMap<>();
			quality.forEach((goalId) -> raw.put(goalId, rawExceptions(goalId, day)));
			assertThat(read).as(day.toString()).isEqualTo(raw);
		}
		assertThat(rawExceptions("plan-within-30-days", start.plusDays(631)).count()).isGreaterThan(Exceptions.LIMIT);

		if (System.getProperty("kedja.dashboard.participants") != null) {
			report(quality);
		}
	}

	/** A naive count and sort of every stored row of the goal that counts on the day. */
	private Exceptions rawExceptions(String goalId, LocalDate day) {
		String counted = " FROM quality_exception WHERE project_id = ? AND goal_id = ?"
				+ " AND (pending_until IS NULL OR pending_until < ?)";
		long count = this.jdbc.sql("SELECT count(*)" + counted).params(PROJECT, goalId, day).query(Long.class).single();
		List<ExceptionCase> cases = this.jdbc
			.sql("SELECT participant_id, reason, business_date, detail" + counted
					+ " ORDER BY business_date, participant_id LIMIT ?")
			.params(PROJECT, goalId, day, Exceptions.LIMIT)
			.query((rs, row) -> new ExceptionCase(rs.getString(1), Reason.ofLabel(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getString(4)))
			.list();
		return new Exceptions(count, Exceptions.LIMIT, cases);
	}

	/**
	 * The rows the projection keeps for these participants: each quality goal's exception
	 * rows, and its counters (of, met, awaiting by the window's last day) in total and by
	 * gender.
	 */
	private void seed() {
		String breaches = PARTICIPANTS_CTE + "INSERT INTO quality_exception"
				+ " SELECT :project, 'plan-within-30-days', id, CASE WHEN plan = 7 THEN 'plan-late' ELSE 'no-plan' END,"
				+ " enrolled_on + CASE WHEN plan = 7 THEN 35 ELSE 30 END,"
				+ " CASE WHEN plan >= 8 AND NOT exited THEN enrolled_on + 30 END, 'seeded' FROM p WHERE plan >= 7"
				+ " UNION ALL SELECT :project, 'accessibility-reviewed', id, 'accessibility-not-reviewed',"
				+ " enrolled_on + 10, NULL, 'seeded' FROM p WHERE unreviewed"
				+ " UNION ALL SELECT :project, 'responsible-actor', id, 'no-responsible-actor', enrolled_on, NULL,"
				+ " 'seeded' FROM p WHERE unassigned";
		String counters = PARTICIPANTS_CTE + ", c AS ("
				+ " SELECT 'plan-within-30-days' AS goal_id, gender, 'of' AS measure, DATE '1970-01-01' AS day FROM p"
				+ " UNION ALL SELECT 'plan-within-30-days', gender, 'met', DATE '1970-01-01' FROM p WHERE plan < 7"
				+ " UNION ALL SELECT 'plan-within-30-days', gender, 'awaiting', enrolled_on + 30 FROM p"
				+ " WHERE plan >= 8 AND NOT exited"
				+ " UNION ALL SELECT 'accessibility-reviewed', gender, 'of', DATE '1970-01-01' FROM p"
				+ " UNION ALL SELECT 'accessibility-reviewed', gender, 'met', DATE '1970-01-01' FROM p"
				+ " WHERE NOT unreviewed"
				+ " UNION ALL SELECT 'responsible-actor', gender, 'of', DATE '1970-01-01' FROM p"
				+ " UNION ALL SELECT 'responsible-actor', gender, 'met', DATE '1970-01-01' FROM p WHERE NOT unassigned)"
				+ " INSERT INTO goal_tally SELECT :project, goal_id, d.dimension, d.bucket, measure, day, count(*)"
				+ " FROM c CROSS JOIN LATERAL (VALUES ('total', 'all'), ('gender', gender)) d(dimension, bucket)"
				+ " GROUP BY 1, 2, 3, 4, 5, 6";
		for (String sql : List.of(breaches, counters)) {
			this.jdbc.sql(sql)
				.param("project", PROJECT)
				.param("start", TestProject.START)
				.param("days", ENROLMENT_DAYS)
				.param("n", PARTICIPANTS)
				.update();
		}
		this.jdbc.sql("ANALYZE quality_exception").update();
		this.jdbc.sql("ANALYZE goal_tally").update();
	}

	/** Prints the read's query plans, and how long the whole read takes. */
	private void report(List<String> quality) {
		LocalDate today = LocalDate.now();
		String[] goals = quality.toArray(String[]::new);
		System.out.printf("%n== dashboard read with %,d participants ==%n", PARTICIPANTS);
		explain("listed exceptions", "SELECT g.goal_id, e.participant_id, e.reason, e.business_date, e.detail"
				+ " FROM unnest(?::text[]) AS g(goal_id) CROSS JOIN LATERAL ("
				+ " SELECT participant_id, reason, business_date, detail FROM quality_exception"
				+ " WHERE project_id = ? AND goal_id = g.goal_id AND (pending_until IS NULL OR pending_until < ?)"
				+ " ORDER BY business_date, participant_id LIMIT ?) e"
				+ " ORDER BY g.goal_id, e.business_date, e.participant_id", goals, PROJECT, today, Exceptions.LIMIT);
		explain("counters", "SELECT goal_id, dimension, bucket, measure, day, value FROM goal_tally"
				+ " WHERE project_id = ? AND value <> 0", PROJECT);
		explain("before: counted and listed with window functions",
				"SELECT goal_id, participant_id, reason, business_date, detail, total FROM ("
						+ " SELECT goal_id, participant_id, reason, business_date, detail,"
						+ " count(*) OVER (PARTITION BY goal_id) AS total,"
						+ " row_number() OVER (PARTITION BY goal_id ORDER BY business_date, participant_id) AS place"
						+ " FROM quality_exception WHERE project_id = ?"
						+ " AND (pending_until IS NULL OR pending_until < ?)) e"
						+ " WHERE place <= ? ORDER BY goal_id, place",
				PROJECT, today, Exceptions.LIMIT);
		for (int i = 0; i < 200; i++) {
			this.queries.current(PROJECT);
		}
		long[] nanos = new long[500];
		for (int i = 0; i < nanos.length; i++) {
			long started = System.nanoTime();
			List<GoalProgress> goalsRead = this.queries.current(PROJECT).goals();
			nanos[i] = System.nanoTime() - started;
			assertThat(goalsRead).isNotEmpty();
		}
		Arrays.sort(nanos);
		System.out.printf("ProgressQueries.current, %d reads: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos.length,
				nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
	}

	private void explain(String title, String sql, Object... params) {
		System.out.printf("-- %s%n", title);
		this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
			.params(params)
			.query(String.class)
			.list()
			.forEach(System.out::println);
	}

}
