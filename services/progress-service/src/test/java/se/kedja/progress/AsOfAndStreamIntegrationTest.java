package se.kedja.progress;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AsOfAndStreamIntegrationTest extends IntegrationTest {

	@Test
	void figures_as_of_a_past_day_stay_put_after_later_events_and_corrections_while_current_ones_move() {
		String projectId = "as-of";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(5, projectId, TestProject.SITES,
				TestProject.START, TestProject.END.minusDays(100))
			.cases(40);
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		publishInterleaved(cases, 5, 1);
		awaitProgress(projectId, (p) -> goal(p, "enrolled").get("actual").asDouble() == 40);
		awaitProgress(projectId, (p) -> get("/api/admin/intake?projectId=" + projectId).get("events")
			.asLong() == cases.stream().mapToLong(List::size).sum());
		String pastDay = "/api/projects/" + projectId + "/progress?asOf=2010-06-30";
		JsonNode before = get(pastDay);
		JsonNode currentBefore = progress(projectId);

		List<EventEnvelope<CaseEvent>> itsCase = cases.stream()
			.filter((c) -> c.stream().noneMatch((e) -> e.payload() instanceof CorrectionRecorded))
			.filter((c) -> c.stream()
				.anyMatch((e) -> e.payload() instanceof ParticipantExited exited
						&& exited.exitedOn().isBefore(LocalDate.of(2010, 6, 1))
						&& exited.outcome() == ExitOutcome.JOB_SEEKING))
			.findFirst()
			.orElseThrow();
		EventEnvelope<CaseEvent> exit = itsCase.stream()
			.filter((e) -> e.payload() instanceof ParticipantExited)
			.findFirst()
			.orElseThrow();
		ParticipantId participant = exit.payload().participantId();
		CaseEvent correction = new CorrectionRecorded(participant, exit.eventId(), "participant-exited",
				Map.of("outcome", "EMPLOYMENT", "exitedOn", "2010-05-01"), LocalDate.now(), "outcome was misread");
		publishRecordedNow(participant, itsCase.size(), correction);
		String employed = "esf-employed-upon-leaving";

		double employedBefore = goal(currentBefore, employed).get("actual").asDouble();
		JsonNode currentAfter = awaitProgress(projectId,
				(p) -> goal(p, employed).get("actual").asDouble() == employedBefore + 1);
		assertThat(get(pastDay).get("goals")).isEqualTo(before.get("goals"));
		assertThat(currentAfter.get("basis").asString()).isEqualTo("live");
		assertThat(get(pastDay).get("basis").asString()).isEqualTo("recorded");
	}

	@Test
	void a_stream_client_receives_the_new_figure_after_an_exit() throws Exception {
		String projectId = "live-stream";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(7, projectId, TestProject.SITES,
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
			.cases(3)
			.stream()
			.map((c) -> c.subList(0, 1))
			.toList();
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		publishInterleaved(cases, 7, 1);
		awaitProgress(projectId, (p) -> goal(p, "enrolled").get("actual").asDouble() == 3);
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<java.io.InputStream> response = client.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/projects/" + projectId + "/progress/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", bearer())
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		assertThat(exitedIn(nextProgress(events))).isZero();

		EventEnvelope<CaseEvent> enrolment = cases.get(0).get(0);
		ParticipantId participant = enrolment.payload().participantId();
		long publishedAt = System.nanoTime();
		publishRecordedNow(participant, 1, new ParticipantExited(participant, LocalDate.of(2025, 6, 1),
				ExitReason.PLAN_COMPLETED, ExitOutcome.EMPLOYMENT));

		JsonNode pushed = CompletableFuture.supplyAsync(() -> {
			JsonNode progress = nextProgress(events);
			while (exitedIn(progress) != 1) {
				progress = nextProgress(events);
			}
			return progress;
		}).get(10, TimeUnit.SECONDS);
		assertThat(exitedIn(pushed)).isEqualTo(1);
		assertThat(goal(pushed, "plan-within-30-days").get("exceptions").get("count").asLong())
			.isEqualTo(goal(pushed, "plan-within-30-days").get("of").asLong()
					- goal(pushed, "plan-within-30-days").get("pending").asLong()
					- goal(pushed, "plan-within-30-days").get("met").asLong());
		assertThat(Duration.ofNanos(System.nanoTime() - publishedAt)).isLessThan(Duration.ofSeconds(5));
		response.body().close();
	}

	@Test
	void a_future_as_of_is_a_bad_request_problem() {
		publishProject(TestProject.defined("future", TestProject.goals()));
		awaitProgress("future", (p) -> true);
		var response = http().get()
			.uri("/api/projects/future/progress?asOf=" + LocalDate.now().plusDays(2))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(JSON.readTree(response.getBody()).get("code").asString()).isEqualTo("future-as-of");
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
	}

	@Test
	void the_api_is_described_by_openapi() {
		JsonNode document = get("/v3/api-docs");
		// service-support's JSON converter is registered ahead of the byte[] converter,
		// so
		// springdoc's byte[] document arrives as a base64 JSON string (reported to its
		// owner).
		if (document.isString()) {
			document = JSON.readTree(java.util.Base64.getDecoder().decode(document.asString()));
		}
		JsonNode paths = document.get("paths");

		assertThat(paths.has("/api/projects/{projectId}/progress")).isTrue();
		assertThat(paths.has("/api/projects/{projectId}/alerts")).isTrue();
		assertThat(paths.has("/api/admin/rebuild")).isTrue();
		JsonNode schemas = document.get("components").get("schemas");
		assertThat(schemas.get("GoalProgress").get("properties").has("exceptions")).isTrue();
		assertThat(schemas.get("ExceptionCase").get("properties").get("participantId").get("description").asString())
			.contains("Pseudonymous");
	}

	@Test
	void an_unknown_project_is_a_not_found_problem() {
		var response = http().get().uri("/api/projects/no-such-project/progress").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(JSON.readTree(response.getBody()).get("code").asString()).isEqualTo("unknown-project");
	}

	@Test
	void a_goal_with_an_unknown_field_is_refused_with_its_path() {
		var response = http().post().uri("/api/goals/validate").header("Content-Type", "application/json").body("""
				{"goals": [
				  {"id": "enrolled", "title": "Enrolled", "kind": "count", "spec": {"target": 10}},
				  {"id": "work", "title": "Work", "kind": "outcome-after",
				   "spec": {"anchor": "exit", "days": 90, "outcomes": ["employment"], "filter": {"gendr": "female"}}}
				]}""").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.getBody());
		assertThat(problem.get("code").asString()).isEqualTo("invalid-goal");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("goals[1].spec.filter.gendr");
	}

	@Test
	void a_goal_with_an_impossible_window_is_refused_with_its_path() {
		var response = http().post()
			.uri("/api/goals/validate")
			.header("Content-Type", "application/json")
			.body("""
					{"goals": [{"id": "p", "title": "P", "kind": "period",
					  "spec": {"measure": "enrolled", "from": "2011-01-01", "to": "2010-01-01"}}]}""")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("field").asString())
			.isEqualTo("goals[0].spec.to");
	}

	@Test
	void a_poison_event_goes_to_the_dead_letter_topic_and_is_listed_with_its_reason() {
		String key = UUID.randomUUID().toString();
		producer().send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), key, "{not an event".getBytes()));
		producer().flush();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode letters = get("/api/admin/dead-letters");
			JsonNode ours = null;
			for (JsonNode letter : letters) {
				if (key.equals(letter.path("key").asString(""))) {
					ours = letter;
				}
			}
			assertThat(ours).isNotNull();
			assertThat(ours.get("topic").asString()).isEqualTo(Topics.CASE_EVENTS.name());
			assertThat(ours.get("reason").asString()).isNotBlank();
		});
	}

	@Test
	void alerts_name_participants_without_follow_up_and_with_overdue_plans() {
		String projectId = "alerts";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(9, projectId, TestProject.SITES,
				TestProject.START, TestProject.END.minusDays(100))
			.cases(10)
			.stream()
			.map((c) -> c.subList(0, 1))
			.toList();
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		publishInterleaved(cases, 9, 1);
		awaitProgress(projectId, (p) -> goal(p, "enrolled").get("actual").asDouble() == 10);
		JsonNode alerts = get("/api/projects/" + projectId + "/alerts");
		long noFollowUp = 0;
		long planOverdue = 0;
		for (JsonNode alert : alerts) {
			noFollowUp += alert.get("kind").asString().equals("NO_FOLLOW_UP") ? 1 : 0;
			planOverdue += alert.get("kind").asString().equals("PLAN_OVERDUE") ? 1 : 0;
		}
		assertThat(noFollowUp).isEqualTo(10);
		assertThat(planOverdue).isEqualTo(10);
	}

	private static long exitedIn(JsonNode progress) {
		return goal(progress, "chances-increased").get("of").asLong();
	}

	private static JsonNode nextProgress(BufferedReader events) {
		try {
			String line;
			while ((line = events.readLine()) != null) {
				if (line.startsWith("data:")) {
					return JSON.readTree(line.substring(5));
				}
			}
			throw new AssertionError("stream ended");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void publishRecordedNow(ParticipantId participant, long sequence, CaseEvent event) {
		EventEnvelope<CaseEvent> envelope = CaseGenerator.envelope(participant, sequence, event,
				new EventId(UUID.randomUUID()));
		EventEnvelope<CaseEvent> now = new EventEnvelope<>(envelope.eventId(), envelope.type(),
				envelope.schemaVersion(), envelope.streamId(), envelope.sequence(), envelope.businessDate(),
				java.time.Instant.now(), envelope.recordedBy(), null, null, null, "", null,
				EventEnvelope.UNKNOWN_POSITION, event);
		publish(now);
		producer().flush();
	}

}
