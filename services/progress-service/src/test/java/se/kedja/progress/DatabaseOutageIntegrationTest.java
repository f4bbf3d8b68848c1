package se.kedja.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.Ordered;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.projects.ProjectEvent;
import se.kedja.events.json.EventJson;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.NaiveFigures;
import se.kedja.progress.fixtures.TestProject;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped while progress-service consumes, and started again on the same data,
 * four times: the consumers wait and retry instead of dead-lettering, readers get a 503
 * problem meanwhile, and afterwards every event counts exactly once — the figures are the
 * naive fold's — with nothing in the dead-letter table or topic. Its own database (to
 * stop) and broker (so no other test class's events or consumers share its topics).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestExecutionListeners(listeners = DatabaseOutageIntegrationTest.StopTheBackendAfterTheContext.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DatabaseOutageIntegrationTest {

	private static final String PROJECT = "database-outage";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final EventJson EVENT_JSON = new EventJson();

	/**
	 * Long against the pool's 2 s wait below: each consumer fails several times over in
	 * each outage, and the database comes back at a different moment of each one's
	 * retries (the old handler dead-lettered an event when it came back while the
	 * recoverer, after three failures, was waiting for a connection to record it).
	 */
	private static final Duration OUTAGE = Duration.ofSeconds(9);

	private static final int RESTARTS = 3;

	private static final Duration LOCKED = Duration.ofSeconds(10);

	private static final Duration UP_BETWEEN_RESTARTS = Duration.ofSeconds(2);

	private static final Path DATA = Path.of("target", "database-outage-" + ProcessHandle.current().pid())
		.toAbsolutePath();

	private static final int POSTGRES_PORT = freePort();

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaKraftBroker broker;

	private static KafkaProducer<String, byte[]> producer;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownDatabaseAndBroker(DynamicPropertyRegistry registry) {
		postgres = startPostgres();
		broker = new EmbeddedKafkaKraftBroker(1, 2);
		broker.afterPropertiesSet();
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		// production waits 30 s for a connection; shorter here so the outage fails each
		// event many times (the old handler dead-lettered after three)
		registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
		// so that a table another session holds locked fails a statement instead of
		// blocking it
		registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET lock_timeout = '1s'");
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.get().issuer());
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close();
		}
	}

	@Test
	void events_consumed_across_database_restarts_all_count_once_and_none_is_dead_lettered() throws IOException {
		CaseGenerator generator = new CaseGenerator(41, PROJECT, TestProject.SITES, TestProject.START,
				TestProject.END.minusDays(100));
		List<List<EventEnvelope<CaseEvent>>> before = generator.cases(80);
		List<List<EventEnvelope<CaseEvent>>> during = generator.cases(40);
		List<List<EventEnvelope<CaseEvent>>> all = new ArrayList<>(before);
		all.addAll(during);
		long events = all.stream().mapToLong(List::size).sum();
		EventEnvelope<ProjectEvent> defined = TestProject.defined(PROJECT, TestProject.goals());
		publish(defined.streamId(), Topics.PROJECT_EVENTS.name(), EVENT_JSON.write(defined));
		publishInterleaved(before, 7);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> intake("events") > 0);

		postgres.close();
		publishInterleaved(during, 8);
		HttpResponse<String> duringOutage = awaitAnswer("/api/projects/" + PROJECT + "/progress",
				(answer) -> answer.statusCode() != 200);
		sleep(OUTAGE);
		postgres = startPostgres();
		for (int restart = 0; restart < RESTARTS; restart++) {
			sleep(UP_BETWEEN_RESTARTS);
			postgres.close();
			sleep(OUTAGE);
			postgres = startPostgres();
		}

		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> intake("events") == events && intake("participants") == all.size());
		assertThat(duringOutage.statusCode()).as(duringOutage.body()).isEqualTo(503);
		assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
		assertThat(JSON.readTree(duringOutage.body()).path("code").asString()).isEqualTo("service-unavailable");
		JsonNode progress = JSON.readTree(get("/api/projects/" + PROJECT + "/progress").body());
		NaiveFigures expected = new NaiveFigures(all, TestProject.START, TestProject.END, LocalDate.now());
		expected.actual.forEach((goalId,
				actual) -> assertThat(goal(progress, goalId).path("actual").asDouble()).as(goalId).isEqualTo(actual));
		assertThat(JSON.readTree(get("/api/admin/dead-letters").body())).as("dead letters").isEmpty();
		assertThat(recordsOn(Topics.CASE_EVENTS_DLT.name())).as("records on the case dead-letter topic").isZero();
		assertThat(recordsOn(Topics.PROJECT_EVENTS.name() + ".dlt")).as("records on the project dead-letter topic")
			.isZero();
	}

	/**
	 * The dedupe table held locked by another session (a migration, an index build) for
	 * longer than three failures: the old handler recorded the event as a dead letter —
	 * its own table was free — and it never counted.
	 */
	@Test
	void events_that_wait_for_a_locked_table_all_count_once_and_none_is_dead_lettered() throws Exception {
		String project = "locked-table";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(43, project, TestProject.SITES,
				TestProject.START, TestProject.END.minusDays(100))
			.cases(20);
		long events = cases.stream().mapToLong(List::size).sum();
		EventEnvelope<ProjectEvent> defined = TestProject.defined(project, TestProject.goals());
		publish(defined.streamId(), Topics.PROJECT_EVENTS.name(), EVENT_JSON.write(defined));
		producer().flush();
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/api/projects/" + project + "/progress").statusCode() == 200);

		try (Connection session = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + POSTGRES_PORT + "/postgres", "postgres", "");
				Statement statement = session.createStatement()) {
			session.setAutoCommit(false);
			statement.execute("LOCK TABLE progress.processed_event IN ACCESS EXCLUSIVE MODE");
			publishInterleaved(cases, 9);
			sleep(LOCKED);
			session.rollback();
		}

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> intake(project, "events") == events && intake(project, "participants") == cases.size());
		assertThat(JSON.readTree(get("/api/admin/dead-letters").body())).as("dead letters").isEmpty();
		assertThat(recordsOn(Topics.CASE_EVENTS_DLT.name())).as("records on the case dead-letter topic").isZero();
	}

	private long intake(String what) throws IOException {
		return intake(PROJECT, what);
	}

	private long intake(String project, String what) throws IOException {
		HttpResponse<String> answer = get("/api/admin/intake?projectId=" + project);
		return (answer.statusCode() == 200) ? JSON.readTree(answer.body()).path(what).asLong() : -1;
	}

	private HttpResponse<String> awaitAnswer(String path, Predicate<HttpResponse<String>> until) {
		List<HttpResponse<String>> last = new ArrayList<>();
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
			HttpResponse<String> answer = get(path);
			last.add(0, answer);
			return until.test(answer);
		});
		return last.get(0);
	}

	private HttpResponse<String> get(String path) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + TestTokens.get().unrestricted("admin-outage"))
			.timeout(Duration.ofSeconds(60))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static JsonNode goal(JsonNode progress, String goalId) {
		for (JsonNode goal : progress.path("goals")) {
			if (goal.path("id").asString().equals(goalId)) {
				return goal;
			}
		}
		throw new AssertionError("No goal " + goalId + " in " + progress);
	}

	/**
	 * Every case's events in order, cases interleaved at random (as partitions would).
	 */
	private static void publishInterleaved(List<List<EventEnvelope<CaseEvent>>> cases, long seed) {
		Random random = new Random(seed);
		List<List<EventEnvelope<CaseEvent>>> queues = new ArrayList<>();
		cases.forEach((events) -> queues.add(new ArrayList<>(events)));
		Collections.shuffle(queues, random);
		while (!queues.isEmpty()) {
			List<EventEnvelope<CaseEvent>> queue = queues.get(random.nextInt(queues.size()));
			EventEnvelope<CaseEvent> event = queue.remove(0);
			publish(event.streamId(), Topics.CASE_EVENTS.name(), EVENT_JSON.write(event));
			if (queue.isEmpty()) {
				queues.remove(queue);
			}
		}
		producer().flush();
	}

	private static void publish(String key, String topic, byte[] value) {
		producer().send(new ProducerRecord<>(topic, key, value));
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
					ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
		}
		return producer;
	}

	private static long recordsOn(String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** The same folder and port each time, so a restart finds the data it left. */
	private static EmbeddedPostgres startPostgres() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(DATA)
				.setCleanDataDirectory(false)
				.setPort(POSTGRES_PORT)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + DATA, ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the database and broker after the context has closed (listener callbacks run
	 * in reverse order), so its clients close against running servers.
	 */
	static final class StopTheBackendAfterTheContext implements TestExecutionListener, Ordered {

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void afterTestClass(TestContext testContext) throws IOException {
			if (broker != null) {
				broker.destroy();
			}
			if (postgres != null) {
				postgres.close();
			}
		}

	}

}
