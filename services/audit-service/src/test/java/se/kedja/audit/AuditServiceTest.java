package se.kedja.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.events.EventEnvelope;
import se.kedja.events.ParticipantId;
import se.kedja.events.Topics;
import se.kedja.events.kafka.EnvelopeSerializer;
import se.kedja.testsupport.KedjaIntegrationTest;
import se.kedja.testsupport.TestInfrastructure;
import se.kedja.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;

/**
 * What every integration test shares: the running service (one Spring context for all
 * classes), a producer onto the real topic, an HTTP client, and a superuser connection to
 * play the attacker with.
 */
@KedjaIntegrationTest
public abstract class AuditServiceTest {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final String PURPOSE = "ESF audit of reported figures";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static KafkaProducer<String, EventEnvelope<?>> events;

	private static KafkaProducer<String, byte[]> raw;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startProducers() {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
		events = new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer());
		raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void stopProducers() {
		events.close();
		raw.close();
	}

	protected static void publish(List<? extends EventEnvelope<?>> envelopes) {
		for (EventEnvelope<?> envelope : envelopes) {
			events.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), envelope.streamId(), envelope));
		}
		events.flush();
	}

	protected static void publishRaw(String key, byte[] value) {
		raw.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), key, value));
		raw.flush();
	}

	/** Publishes the case and waits until the audit store holds all of it. */
	protected void publishAndAwait(CaseStream stream) {
		publish(stream.events());
		awaitStored(stream.participant(), stream.events().size());
	}

	protected void awaitStored(ParticipantId participant, int count) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> storedCount(participant) == count);
	}

	protected static long storedCount(ParticipantId participant) {
		return sqlLong("SELECT count(*) FROM audit.case_event WHERE participant_id = '" + participant + "'");
	}

	protected HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", bearer("auditor-anna"))
			.header("X-Kedja-Purpose", PURPOSE)
			.GET());
	}

	protected HttpResponse<String> getWithout(String path, Map<String, String> headers) {
		return getAs("auditor-anna", path, headers);
	}

	protected HttpResponse<String> getAs(String user, String path, Map<String, String> headers) {
		return getWith(bearer(user), path, headers);
	}

	protected HttpResponse<String> getWith(String authorization, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().header("Authorization", authorization);
		headers.forEach(request::header);
		return send(request);
	}

	protected HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", bearer("auditor-anna"))
			.header("X-Kedja-Purpose", PURPOSE)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	protected JsonNode getJson(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * A caller who may read every project, for tests about behaviour rather than
	 * authorisation.
	 */
	protected static String bearer(String user) {
		return "Bearer " + TestTokens.get().unrestricted(user);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs SQL as the database superuser with the append-only triggers off: an attacker's
	 * view.
	 */
	protected static void tamper(String... statements) {
		try (Connection connection = TestInfrastructure.get().connect();
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE audit.case_event DISABLE TRIGGER USER");
			for (String sql : statements) {
				statement.execute(sql);
			}
			statement.execute("ALTER TABLE audit.case_event ENABLE TRIGGER USER");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static void sql(String sql) throws SQLException {
		try (Connection connection = TestInfrastructure.get().connect();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	protected static long sqlLong(String sql) {
		try (Connection connection = TestInfrastructure.get().connect();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
