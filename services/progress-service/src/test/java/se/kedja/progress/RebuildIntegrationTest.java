package se.kedja.progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RebuildIntegrationTest extends IntegrationTest {

	/**
	 * What a project's projection tables hold, row by row, in a stable order; counters at
	 * zero are left out (the live intake may leave one where a later batch cancelled an
	 * earlier one's move, a rebuild's larger batch sums them away).
	 */
	private static final List<String> TABLES = List.of(
			"SELECT p::text FROM participant p WHERE project_id = :project ORDER BY participant_id",
			"SELECT t::text FROM goal_tally t WHERE project_id = :project AND value <> 0"
					+ " ORDER BY goal_id, dimension, bucket, measure, day",
			"SELECT q::text FROM quality_exception q WHERE project_id = :project" + " ORDER BY goal_id, participant_id",
			"SELECT concat_ws(' ', event_id, participant_id, project_id, sequence, type, business_date, recorded_at,"
					+ " md5(envelope), (SELECT count(*) FROM processed_event p WHERE p.event_id = e.event_id))"
					+ " FROM case_event e WHERE participant_id IN"
					+ " (SELECT participant_id FROM case_event WHERE project_id = :project) ORDER BY event_id");

	@Autowired
	private JdbcClient jdbc;

	/**
	 * The rebuild reads the whole topic in a few large polls, so each case arrives in one
	 * batch with its events delivered twice; the live intake took it in many small ones.
	 */
	@Test
	void a_rebuild_from_the_topics_gives_the_live_tables_and_figures_and_reports_its_progress() {
		String projectId = "rebuild";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(31, projectId, TestProject.SITES,
				TestProject.START, TestProject.END.minusDays(100))
			.cases(60);
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		publishInterleaved(cases, 31, 2);
		long events = cases.stream().mapToLong(List::size).sum();
		awaitProgress(projectId,
				(p) -> get("/api/admin/intake?projectId=" + projectId).get("events").asLong() == events);
		assertThat(goal(progress(projectId), "plan-within-30-days").get("exceptions").get("count").asLong())
			.isPositive();
		List<List<String>> liveTables = tables(projectId);
		Map<String, JsonNode> live = new HashMap<>();
		for (JsonNode project : get("/api/projects")) {
			String id = project.get("id").asString();
			live.put(id, progress(id).get("goals"));
		}

		JsonNode started = JSON.readTree(http().post().uri("/api/admin/rebuild").retrieve().body(String.class));
		assertThat(started.get("state").asString()).isEqualTo("RUNNING");
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/api/admin/rebuild").get("state").asString(), (state) -> state.equals("SWAPPED"));

		JsonNode status = get("/api/admin/rebuild");
		assertThat(status.get("eventsDone").asLong()).isGreaterThanOrEqualTo(2 * events);
		assertThat(status.get("eventsPerSecond").asDouble()).isPositive();
		live.forEach((id, goals) -> assertThat(progress(id).get("goals")).as(id).isEqualTo(goals));
		List<List<String>> rebuilt = tables(projectId);
		for (int i = 0; i < TABLES.size(); i++) {
			assertThat(rebuilt.get(i)).as(TABLES.get(i)).isNotEmpty().containsExactlyElementsOf(liveTables.get(i));
		}
	}

	private List<List<String>> tables(String projectId) {
		return TABLES.stream()
			.map((query) -> this.jdbc.sql(query).param("project", projectId).query(String.class).list())
			.toList();
	}

}
