package se.kedja.cases.publishing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

import se.kedja.cases.Api;
import se.kedja.cases.Fixtures;
import se.kedja.cases.config.AxonConfig;
import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventHashes;
import se.kedja.events.kafka.CaseEnvelopeDeserializer;
import se.kedja.testsupport.TestInfrastructure;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's promise (issue #4): a broker outage delays publishing and loses
 * nothing. Coaches keep recording while the test stops a broker of its own in the middle
 * of publishing; after it returns, the topic holds every stored event, per participant in
 * the order of the case, duplicates only of events already sent. Its own database and
 * broker, so the shared context's publisher never sees these events and other test
 * classes never see the outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@TestExecutionListeners(listeners = BrokerOutageTest.StopTheBrokerAfterTheContext.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class BrokerOutageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PARTICIPANTS = 6;

	private static final int WRITERS = 3;

	/** Several times the producer's delivery timeout below, so whole batches fail. */
	private static final Duration OUTAGE = Duration.ofSeconds(15);

	private static RestartableBroker broker;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownBrokerAndDatabase(DynamicPropertyRegistry registry) {
		broker = RestartableBroker
			.startIn(Path.of("target", "broker-outage-" + ProcessHandle.current().pid()).toAbsolutePath());
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = infrastructure.createDatabase("broker_outage");
		registry.add("spring.datasource.url", () -> database);
		registry.add("spring.datasource.username", infrastructure::username);
		registry.add("spring.datasource.password", infrastructure::password);
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.get().issuer());
		// production waits 30 s for an acknowledgement; shorter here so that the outage
		// fails batches and the publisher rolls them back, instead of only delaying them
		registry.add("spring.kafka.producer.properties.delivery.timeout.ms", () -> "4000");
		registry.add("spring.kafka.producer.properties.request.timeout.ms", () -> "2000");
	}

	@Test
	void events_recorded_while_the_broker_is_down_all_reach_the_topic_in_case_order_once_it_is_back() {
		Api api = new Api(this.port);
		List<String> participants = new ArrayList<>();
		for (int i = 0; i < PARTICIPANTS; i++) {
			Api.Response enrolled = api.post("/api/projects/orangeriet/participants", Fixtures.enrolment());
			assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
			participants.add(enrolled.body().path("participantId").asString());
		}

		long writtenDuringOutage;
		long tokenAtStop;
		long tokenBeforeRestart;
		long storedBeforeRestart;
		Writers writers = new Writers(api, participants);
		try {
			writers.awaitMore(30);
			long recorded = lastStoredPosition();
			assertThat(awaitUntil(Duration.ofSeconds(60), () -> publisherToken() >= recorded))
				.as("the publisher is publishing the writes when the broker stops")
				.isTrue();
			broker.stop();
			long writtenAtStop = writers.acknowledged.get();
			writers.awaitMore(10);
			tokenAtStop = publisherToken();
			awaitUntil(OUTAGE, () -> !writers.failures.isEmpty());
			writtenDuringOutage = writers.acknowledged.get() - writtenAtStop;
			tokenBeforeRestart = publisherToken();
			storedBeforeRestart = lastStoredPosition();
			broker.start();
			writers.awaitMore(30);
		}
		finally {
			writers.stop();
		}

		assertThat(writers.failures).as("every write is answered while the broker is down").isEmpty();
		assertThat(writtenDuringOutage).isGreaterThan(0);
		assertThat(tokenBeforeRestart).as("the publisher's token holds while nothing is acknowledged")
			.isEqualTo(tokenAtStop)
			.isLessThan(storedBeforeRestart);

		Map<String, List<String>> stored = storedEventIds(participants);
		long surveys = this.jdbc
			.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%SurveyAnswered'")
			.query(Long.class)
			.single();
		assertThat(surveys).as("every acknowledged write is stored").isEqualTo(writers.acknowledged.get());

		Map<String, List<EventEnvelope<CaseEvent>>> topic = readTopic(stored, Duration.ofSeconds(90));
		Delivery delivery = Delivery.of(stored, topic);
		System.out.printf(
				"Broker stopped %d s during writes: %d writes acknowledged (%d while it was down), %d events stored, "
						+ "%d records on the topic, %d missing, %d duplicates (absorbed by the consumers' dedupe)%n",
				OUTAGE.toSeconds(), writers.acknowledged.get(), writtenDuringOutage, delivery.stored(),
				delivery.records(), delivery.missing(), delivery.duplicates());
		assertThat(topic.keySet()).as("nothing on the topic but these participants' events")
			.isSubsetOf(stored.keySet());
		assertThat(delivery.missing()).isZero();
		assertThat(delivery.outOfOrder()).as("participants whose events arrive out of case order").isEmpty();
		assertThat(delivery.alteredDuplicates()).as("duplicates that differ from the first copy").isZero();
		assertThat(delivery.brokenChains()).as("participants whose hash chain breaks").isEmpty();
	}

	private long publisherToken() {
		return this.jdbc.sql("SELECT convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = ?")
			.param(AxonConfig.KAFKA_PUBLISHER)
			.query(String.class)
			.optional()
			.map((token) -> JSON.readTree(token).path("index").asLong())
			.orElse(-1L);
	}

	private long lastStoredPosition() {
		return this.jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
	}

	/** Each participant's event ids in the order of the case. */
	private Map<String, List<String>> storedEventIds(List<String> participants) {
		Map<String, List<String>> stored = new HashMap<>();
		this.jdbc.sql("""
				SELECT aggregate_identifier, event_identifier FROM domain_event_entry
				WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number""")
			.param(participants.toArray(String[]::new))
			.query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
			.list()
			.forEach((event) -> stored.computeIfAbsent(event.getKey(), (p) -> new ArrayList<>()).add(event.getValue()));
		return stored;
	}

	/** The whole topic from the beginning, until it holds every stored event. */
	private Map<String, List<EventEnvelope<CaseEvent>>> readTopic(Map<String, List<String>> stored, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "outage-check-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, List<EventEnvelope<CaseEvent>>> topic = new HashMap<>();
		Map<String, Set<String>> seen = new HashMap<>();
		try (KafkaConsumer<String, EventEnvelope<CaseEvent>> consumer = new KafkaConsumer<>(config,
				new StringDeserializer(), new CaseEnvelopeDeserializer())) {
			consumer.subscribe(List.of(Topics.CASE_EVENTS.name()));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline && !stored.entrySet()
				.stream()
				.allMatch((e) -> seen.getOrDefault(e.getKey(), Set.of()).size() >= e.getValue().size())) {
				for (ConsumerRecord<String, EventEnvelope<CaseEvent>> record : consumer.poll(Duration.ofMillis(500))) {
					topic.computeIfAbsent(record.key(), (k) -> new ArrayList<>()).add(record.value());
					seen.computeIfAbsent(record.key(), (k) -> new HashSet<>()).add(record.value().eventId().toString());
				}
			}
		}
		return topic;
	}

	private static boolean awaitUntil(Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return true;
	}

	/**
	 * Stops the broker after {@code @DirtiesContext} has closed the context (after-class
	 * callbacks run in reverse order), so the context's Kafka clients close against a
	 * running broker instead of waiting out their timeouts.
	 */
	static final class StopTheBrokerAfterTheContext implements TestExecutionListener, Ordered {

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void afterTestClass(TestContext testContext) {
			if (broker != null) {
				broker.close();
			}
		}

	}

	/**
	 * What a consumer that skips event ids it has seen would get, against the store: the
	 * first copy of each event, per participant in the order of the topic's partition.
	 */
	private record Delivery(long stored, long records, long missing, long duplicates, long alteredDuplicates,
			List<String> outOfOrder, List<String> brokenChains) {

		static Delivery of(Map<String, List<String>> stored, Map<String, List<EventEnvelope<CaseEvent>>> topic) {
			long storedCount = 0;
			long records = 0;
			long missing = 0;
			long duplicates = 0;
			long altered = 0;
			List<String> outOfOrder = new ArrayList<>();
			List<String> brokenChains = new ArrayList<>();
			for (Map.Entry<String, List<String>> participant : stored.entrySet()) {
				List<String> expected = participant.getValue();
				List<EventEnvelope<CaseEvent>> received = topic.getOrDefault(participant.getKey(), List.of());
				Map<String, EventEnvelope<CaseEvent>> firstCopies = new LinkedHashMap<>();
				for (EventEnvelope<CaseEvent> record : received) {
					EventEnvelope<CaseEvent> first = firstCopies.putIfAbsent(record.eventId().toString(), record);
					if (first != null && !first.equals(record)) {
						altered++;
					}
				}
				storedCount += expected.size();
				records += received.size();
				missing += expected.stream().filter((id) -> !firstCopies.containsKey(id)).count();
				duplicates += received.size() - firstCopies.size();
				if (!List.copyOf(firstCopies.keySet()).equals(expected)) {
					outOfOrder.add(participant.getKey());
				}
				if (!EventHashes.verifyChain(List.copyOf(firstCopies.values()))) {
					brokenChains.add(participant.getKey());
				}
			}
			return new Delivery(storedCount, records, missing, duplicates, altered, outOfOrder, brokenChains);
		}

	}

	/**
	 * Coaches recording survey answers for every participant in turn, each write with a
	 * question of its own.
	 */
	private static final class Writers {

		private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(60);

		final AtomicLong acknowledged = new AtomicLong();

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean writing = new AtomicBoolean(true);

		private final AtomicLong serial = new AtomicLong();

		private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

		Writers(Api api, List<String> participants) {
			for (int w = 0; w < WRITERS; w++) {
				int offset = w;
				this.pool.execute(() -> {
					for (int i = offset; this.writing.get(); i++) {
						write(api, participants.get(i % participants.size()));
					}
				});
			}
		}

		private void write(Api api, String participant) {
			try {
				Api.Response response = api.post("/api/participants/" + participant + "/survey-answers",
						Map.of("answeredOn", "2010-04-01", "questionKey", "q" + this.serial.incrementAndGet(), "answer",
								"yes"));
				if (response.status() == 200) {
					this.acknowledged.incrementAndGet();
				}
				else {
					this.failures.add(response.toString());
				}
			}
			catch (RuntimeException ex) {
				this.failures.add(ex.toString());
			}
		}

		void awaitMore(long writes) {
			long target = this.acknowledged.get() + writes;
			awaitUntil(PROGRESS_TIMEOUT, () -> this.acknowledged.get() >= target || !this.failures.isEmpty());
			assertThat(this.failures).isEmpty();
			assertThat(this.acknowledged.get()).as("writes go on").isGreaterThanOrEqualTo(target);
		}

		void stop() {
			this.writing.set(false);
			this.pool.shutdown();
			try {
				assertThat(this.pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
