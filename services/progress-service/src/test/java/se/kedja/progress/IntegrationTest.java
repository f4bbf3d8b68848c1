package se.kedja.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;
import se.kedja.events.projects.ProjectEvent;
import se.kedja.testsupport.KedjaIntegrationTest;
import se.kedja.testsupport.TestInfrastructure;
import se.kedja.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;

/**
 * What every integration test shares: one Spring context on a random port, real
 * PostgreSQL and Kafka, and helpers that publish envelopes and read the API as a client
 * would.
 */
@KedjaIntegrationTest
public abstract class IntegrationTest {

	protected static final EventJson EVENT_JSON = new EventJson();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private static KafkaProducer<String, byte[]> producer;

	@LocalServerPort
	protected int port;

	protected RestClient http() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", bearer())
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	/**
	 * A caller who may see every project, for tests about behaviour rather than
	 * authorisation.
	 */
	protected static String bearer() {
		return "Bearer " + TestTokens.get().unrestricted("manager-maria");
	}

	protected static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.get().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
		}
		return producer;
	}

	protected static void publishProject(EventEnvelope<ProjectEvent> envelope) {
		producer()
			.send(new ProducerRecord<>(Topics.PROJECT_EVENTS.name(), envelope.streamId(), EVENT_JSON.write(envelope)));
		producer().flush();
	}

	protected static void publish(EventEnvelope<CaseEvent> envelope) {
		producer()
			.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), envelope.streamId(), EVENT_JSON.write(envelope)));
	}

	/**
	 * Every case's events in order, cases interleaved at random (as partitions would).
	 */
	protected static void publishInterleaved(List<List<EventEnvelope<CaseEvent>>> cases, long seed, int copies) {
		Random random = new Random(seed);
		List<List<EventEnvelope<CaseEvent>>> queues = new ArrayList<>();
		for (List<EventEnvelope<CaseEvent>> events : cases) {
			List<EventEnvelope<CaseEvent>> queue = new ArrayList<>();
			for (EventEnvelope<CaseEvent> event : events) {
				for (int i = 0; i < copies; i++) {
					queue.add(event);
				}
			}
			queues.add(queue);
		}
		Collections.shuffle(queues, random);
		while (!queues.isEmpty()) {
			List<EventEnvelope<CaseEvent>> queue = queues.get(random.nextInt(queues.size()));
			publish(queue.remove(0));
			if (queue.isEmpty()) {
				queues.remove(queue);
			}
		}
		producer().flush();
	}

	protected JsonNode get(String path) {
		String body = http().get().uri(path).retrieve().body(String.class);
		return JSON.readTree(body);
	}

	protected JsonNode progress(String projectId) {
		return get("/api/projects/" + projectId + "/progress");
	}

	protected static JsonNode goal(JsonNode progress, String goalId) {
		for (JsonNode goal : progress.get("goals")) {
			if (goal.get("id").asString().equals(goalId)) {
				return goal;
			}
		}
		throw new AssertionError("No goal " + goalId + " in " + progress);
	}

	// Generous: a loaded 2-core machine takes minutes to consume a doubled, reshuffled
	// topic.
	/**
	 * Waits until progress-service has taken in {@code events} of the project, then reads
	 * its progress afresh (a progress read during the wait may predate the last events).
	 */
	protected JsonNode awaitIntake(String projectId, long events) {
		awaitProgress(projectId,
				(p) -> get("/api/admin/intake?projectId=" + projectId).get("events").asLong() == events);
		return progress(projectId);
	}

	protected JsonNode awaitProgress(String projectId, Predicate<JsonNode> until) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
			JsonNode progress = progress(projectId);
			last[0] = progress;
			return progress.has("goals") && until.test(progress);
		});
		return last[0];
	}

}
