package se.kedja.audit;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
import se.kedja.events.ExitOutcome;
import se.kedja.events.ProjectId;
import se.kedja.events.Topics;
import se.kedja.events.kafka.EnvelopeSerializer;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped while audit-service copies case events, and started again on the
 * same data, three times, while events keep arriving: the intake waits and retries
 * instead of dead-lettering, and afterwards the audit copy holds every event once with
 * every case's hash chain intact; likewise when the database refuses writes for a while
 * (out of disk). Its own database (to stop) and broker (so that no other test class's
 * events share its topics).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestExecutionListeners(listeners = DatabaseOutageTest.StopTheBackendAfterTheContext.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DatabaseOutageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Long against the pool's 2 s wait below, so that each event in flight fails several
	 * times over before the database is back.
	 */
	private static final Duration OUTAGE = Duration.ofSeconds(9);

	private static final Duration UP_BETWEEN_RESTARTS = Duration.ofSeconds(2);

	private static final int RESTARTS = 3;

	private static final Path DATA = Path.of("target", "database-outage-" + ProcessHandle.current().pid())
		.toAbsolutePath();

	private static final int POSTGRES_PORT = freePort();

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaKraftBroker broker;

	private static KafkaProducer<String, EventEnvelope<?>> producer;

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
		// production waits 30 s for a connection; shorter here so that each event fails
		// many times in each outage
		registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
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
	void events_copied_across_database_restarts_are_all_stored_once_with_intact_chains_and_none_is_dead_lettered()
			throws Exception {
		ProjectId project = CaseStream.uniqueProject();
		long storedBefore = stored();
		long deadLettersBefore = recordsOn(Topics.CASE_EVENTS_DLT.name());
		List<CaseStream> before = cases(project, 30);
		before.forEach((stream) -> publish(stream.events()));
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> stored() > storedBefore);

		List<CaseStream> during = new ArrayList<>();
		AtomicBoolean outageOver = new AtomicBoolean();
		AtomicInteger continued = new AtomicInteger();
		Thread arrivals = Thread.ofPlatform().name("arrivals").start(() -> {
			Instant recorded = Instant.parse("2010-03-01T09:00:00Z");
			while (!outageOver.get()) {
				CaseStream stream = new CaseStream(project);
				stream.enrolled(LocalDate.of(2010, 3, 1), recorded);
				stream.planAgreed(LocalDate.of(2010, 3, 8), recorded.plusSeconds(3600));
				publish(stream.events());
				during.add(stream);
				// the cases begun before the outage go on, one step each, while it lasts
				int next = continued.getAndIncrement();
				if (next < before.size()) {
					CaseStream earlier = before.get(next);
					earlier.exited(LocalDate.of(2010, 6, 1), ExitOutcome.EMPLOYMENT, recorded.plusSeconds(7200));
					publish(earlier.events().subList(earlier.events().size() - 1, earlier.events().size()));
				}
				sleep(Duration.ofMillis(150));
			}
		});
		for (int restart = 0; restart < RESTARTS; restart++) {
			sleep(UP_BETWEEN_RESTARTS);
			postgres.close();
			sleep(OUTAGE);
			postgres = startPostgres();
		}
		outageOver.set(true);
		arrivals.join();

		long expected = storedBefore + before.stream().mapToLong((stream) -> stream.events().size()).sum()
				+ during.stream().mapToLong((stream) -> stream.events().size()).sum();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> stored() == expected);
		assertThat(recordsOn(Topics.CASE_EVENTS_DLT.name())).as("records on the dead-letter topic")
			.isEqualTo(deadLettersBefore);
		assertThat(continued.get()).as("cases that went on during the outage").isPositive();
		assertThat(during).as("cases begun during the outage").isNotEmpty();
		JsonNode verification = verification(project);
		assertThat(verification.path("cases").asInt()).as(verification.toString())
			.isEqualTo(before.size() + during.size());
		assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.path("broken")).as(verification.toString()).isEmpty();
		assertThat(duplicates()).as("events stored twice").isZero();
	}

	/**
	 * The database refuses every insert as out of disk (SQLSTATE 53100, which Spring
	 * reports as a non-transient resource failure) for a while, its connections alive:
	 * the old handler dead-lettered each event at the first refusal.
	 */
	@Test
	void events_refused_while_the_database_is_out_of_disk_wait_and_none_is_dead_lettered() throws Exception {
		ProjectId project = CaseStream.uniqueProject();
		long before = stored();
		long deadLettersBefore = recordsOn(Topics.CASE_EVENTS_DLT.name());
		execute("""
				CREATE FUNCTION public.out_of_disk() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
				END $$""", "CREATE TRIGGER out_of_disk BEFORE INSERT ON audit.case_event "
				+ "FOR EACH ROW EXECUTE FUNCTION public.out_of_disk()");
		List<CaseStream> cases = cases(project, 10);
		cases.forEach((stream) -> publish(stream.events()));
		sleep(OUTAGE);
		long storedWhileFull = stored();
		execute("DROP TRIGGER out_of_disk ON audit.case_event", "DROP FUNCTION public.out_of_disk()");

		long expected = before + cases.stream().mapToLong((stream) -> stream.events().size()).sum();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> stored() == expected || recordsOn(Topics.CASE_EVENTS_DLT.name()) > deadLettersBefore);
		assertThat(recordsOn(Topics.CASE_EVENTS_DLT.name())).as("records on the dead-letter topic")
			.isEqualTo(deadLettersBefore);
		assertThat(storedWhileFull).as("events stored while the disk was full").isEqualTo(before);
		assertThat(stored()).as("events stored").isEqualTo(expected);
		JsonNode verification = verification(project);
		assertThat(verification.path("cases").asInt()).as(verification.toString()).isEqualTo(cases.size());
		assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
	}

	private static void execute(String... statements) throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + POSTGRES_PORT + "/postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static List<CaseStream> cases(ProjectId project, int count) {
		List<CaseStream> cases = new ArrayList<>();
		Instant recorded = Instant.parse("2010-02-01T09:00:00Z");
		for (int i = 0; i < count; i++) {
			CaseStream stream = new CaseStream(project);
			stream.enrolled(LocalDate.of(2010, 2, 1), recorded);
			stream.planAgreed(LocalDate.of(2010, 2, 8), recorded.plusSeconds(3600));
			cases.add(stream);
		}
		return cases;
	}

	private JsonNode verification(ProjectId project) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/projects/" + project + "/verification"))
			.header("Authorization", "Bearer " + TestTokens.get().unrestricted("auditor-anna"))
			.header("X-Kedja-Purpose", "ESF audit after a database outage")
			.timeout(Duration.ofSeconds(60))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			return JSON.readTree(answer.body());
		}
	}

	private static long stored() throws SQLException {
		return count("SELECT count(*) FROM audit.case_event");
	}

	private static long duplicates() throws SQLException {
		return count("SELECT count(*) - count(DISTINCT (participant_id, sequence)) FROM audit.case_event");
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + POSTGRES_PORT + "/postgres", "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static void publish(List<? extends EventEnvelope<?>> envelopes) {
		for (EventEnvelope<?> envelope : envelopes) {
			producer().send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), envelope.streamId(), envelope));
		}
		producer().flush();
	}

	private static synchronized KafkaProducer<String, EventEnvelope<?>> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
					ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EnvelopeSerializer());
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

	/** The same folder and port each time, so that a restart finds the data it left. */
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
	 * in reverse order), so that its clients close against running servers.
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
