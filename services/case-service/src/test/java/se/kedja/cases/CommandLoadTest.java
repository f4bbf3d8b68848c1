package se.kedja.cases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands per second and latency through the real HTTP API: each client enrols its
 * participants one after another and sends each case's ten commands in order, as the demo
 * loader does. Not part of the default build; run with
 * {@code ./mvnw -o -pl services/case-service test -Dtest=CommandLoadTest -Dkedja.test.excludedGroups=none}.
 */
@Tag("load")
@CaseServiceIntegrationTest
class CommandLoadTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PARTICIPANTS_PER_CLIENT = Integer.getInteger("kedja.load.participantsPerClient", 5);

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String token = TestTokens.get().unrestricted("coach-load");

	@Test
	void commands_per_second_at_one_eight_and_thirty_two_clients() throws Exception {
		List<String> failed = Collections.synchronizedList(new ArrayList<>());
		run(4, 2, failed);
		List<String> lines = new ArrayList<>();
		for (int clients : new int[] { 1, 8, 32 }) {
			lines.add(run(clients, Math.max(PARTICIPANTS_PER_CLIENT, 40 / clients), failed));
		}
		String report = String.join("\n", lines);
		System.out.println(report);
		Files.writeString(Path.of("target", "command-load.txt"), report + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		assertThat(failed).as(report).isEmpty();
	}

	private String run(int clients, int participantsPerClient, List<String> failed) throws Exception {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(() -> {
					for (int p = 0; p < participantsPerClient; p++) {
						oneCase(latencies, failures, failed);
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		String line = String.format(
				"clients=%d commands=%d failures=%d %.1f commands/s p50=%.1f ms p99=%.1f ms max=%.1f ms", clients,
				sorted.size(), failures.get(), sorted.size() / seconds, percentile(sorted, 0.50),
				percentile(sorted, 0.99), percentile(sorted, 1.0));
		return line;
	}

	private void oneCase(ConcurrentLinkedQueue<Long> latencies, AtomicInteger failures, List<String> failed)
			throws Exception {
		JsonNode enrolled = send("/api/projects/orangeriet/participants", Fixtures.enrolment(), latencies, failures,
				failed);
		if (enrolled == null) {
			return;
		}
		String base = "/api/participants/" + enrolled.path("participantId").asString();
		UUID activity = UUID.randomUUID();
		List<Map.Entry<String, Object>> steps = List.of(
				Map.entry("/plan", Map.of("agreedOn", "2010-03-10", "goals", List.of(), "plannedActivities", List.of(),
						"accessibilityNeeds", List.of(), "agreedWith", List.of("arbetsformedlingen-ostergotland"))),
				Map.entry("/activities",
						Map.of("activityId", activity, "type", se.kedja.events.ActivityType.values()[0].name(),
								"startedOn", "2010-03-15")),
				Map.entry("/activities/" + activity + "/completion",
						Map.of("completedOn", "2010-04-15", "asPlanned", true)),
				Map.entry("/follow-ups",
						Map.of("heldOn", "2010-04-20", "progress", List.of(), "accessibilityReviewed", true,
								"ownAssessment", se.kedja.events.cases.OwnAssessment.values()[0].name())),
				Map.entry("/consents", Map.of("givenOn", "2010-04-21", "actors", List.of("forsakringskassan"))),
				Map.entry("/referrals",
						Map.of("referredOn", "2010-04-22", "to", "forsakringskassan", "purpose",
								se.kedja.events.cases.ReferralPurpose.values()[0].name())),
				Map.entry("/survey-answers",
						Map.of("answeredOn", "2010-07-02", "questionKey", "chances-of-work-increased", "answer",
								"yes")),
				Map.entry("/exit",
						Map.of("exitedOn", "2010-08-01", "reason", se.kedja.events.cases.ExitReason.values()[0].name(),
								"outcome", "EMPLOYMENT")),
				Map.entry("/post-exit-follow-ups",
						Map.of("daysAfterExit", 90, "followedUpOn", "2010-10-30", "status", "EMPLOYMENT")));
		for (Map.Entry<String, Object> step : steps) {
			send(base + step.getKey(), step.getValue(), latencies, failures, failed);
		}
	}

	private JsonNode send(String path, Object body, ConcurrentLinkedQueue<Long> latencies, AtomicInteger failures,
			List<String> failed) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		latencies.add(System.nanoTime() - start);
		if (response.statusCode() >= 300) {
			failures.incrementAndGet();
			failed.add(path + " -> " + response.statusCode() + " " + response.body());
			return null;
		}
		return JSON.readTree(response.body());
	}

	private static double percentile(List<Long> sorted, double fraction) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(fraction * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
	}

}
