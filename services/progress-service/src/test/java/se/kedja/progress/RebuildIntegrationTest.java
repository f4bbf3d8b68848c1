package se.kedja.progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RebuildIntegrationTest extends IntegrationTest {

	@Test
	void a_rebuild_from_the_topics_gives_the_live_figures_and_reports_its_progress() {
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
	}

}
