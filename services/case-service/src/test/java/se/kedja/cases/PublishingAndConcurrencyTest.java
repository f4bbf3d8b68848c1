package se.kedja.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventHashes;
import se.kedja.events.kafka.CaseEnvelopeDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

@CaseServiceIntegrationTest
class PublishingAndConcurrencyTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrap;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	String enrol() {
		Api.Response enrolled = this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment());
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		return enrolled.body().path("participantId").asString();
	}

	@Test
	void sixteen_concurrent_writers_on_one_case_lose_no_update() throws Exception {
		String id = enrol();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Callable<Integer>> writers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			int n = i;
			writers.add(() -> {
				int conflicts = 0;
				while (true) {
					long version = this.api.get("/api/participants/" + id).body().path("version").asLong();
					Api.Response response = this.api.post("/api/participants/" + id + "/survey-answers",
							Map.of("answeredOn", "2010-04-01", "questionKey", "q" + n, "answer", "yes"),
							Map.of("If-Match", "\"" + version + "\""));
					if (response.status() == 200) {
						return conflicts;
					}
					assertThat(response.status()).as(response.toString()).isEqualTo(409);
					conflicts++;
				}
			});
		}
		int conflicts = 0;
		for (Future<Integer> result : pool.invokeAll(writers)) {
			conflicts += result.get();
		}
		pool.shutdown();
		long surveys = this.jdbc.sql(
				"SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%SurveyAnswered'")
			.param(id)
			.query(Long.class)
			.single();
		System.out.println("16 writers: 16 successes after " + conflicts + " conflicts (409) and retries");
		assertThat(surveys).isEqualTo(16);
		long all = this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(this.api.get("/api/participants/" + id).body().path("version").asLong()).isEqualTo(all - 1);
	}

	@Test
	void every_event_reaches_kafka_in_order_with_an_unbroken_hash_chain() {
		List<String> ids = List.of(enrol(), enrol());
		for (String id : ids) {
			for (int i = 0; i < 3; i++) {
				assertThat(this.api
					.post("/api/participants/" + id + "/survey-answers",
							Map.of("answeredOn", "2010-04-01", "questionKey", "k" + i, "answer", "yes"))
					.status()).isEqualTo(200);
			}
		}
		long stored = this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(ids.get(0))
			.query(Long.class)
			.single();
		Map<String, List<EventEnvelope<CaseEvent>>> streams = consume(ids, (int) stored, Duration.ofSeconds(60));
		for (String id : ids) {
			List<EventEnvelope<CaseEvent>> stream = streams.get(id);
			// a plan deadline may add an event in the background meanwhile: the stream is
			// still gapless
			assertThat(stream).extracting(EventEnvelope::sequence)
				.containsExactlyElementsOf(java.util.stream.LongStream.range(0, stream.size()).boxed().toList());
			assertThat(stream.size()).isGreaterThanOrEqualTo((int) stored);
			assertThat(EventHashes.verifyChain(stream)).isTrue();
			assertThat(stream.get(0).type()).isEqualTo("participant-enrolled");
			assertThat(stream.get(1).recordedBy()).isEqualTo("coach-anna");
			assertThat(stream.get(1).commandId()).isNotNull();
			// each event's own position in the store, not the publisher's token's
			assertThat(stream).allSatisfy((e) -> assertThat(e.globalPosition())
				.isEqualTo(this.jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
					.param(e.eventId().toString())
					.query(Long.class)
					.single()));
			String hash = this.jdbc.sql("SELECT hash FROM event_chain WHERE stream_id = ? AND sequence = 3")
				.param(id)
				.query(String.class)
				.single();
			assertThat(stream.get(3).hash()).isEqualTo(hash);
		}
	}

	Map<String, List<EventEnvelope<CaseEvent>>> consume(List<String> ids, int each, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		Map<String, List<EventEnvelope<CaseEvent>>> streams = new java.util.HashMap<>();
		ids.forEach((id) -> streams.put(id, new ArrayList<>()));
		try (KafkaConsumer<String, EventEnvelope<CaseEvent>> consumer = new KafkaConsumer<>(config,
				new StringDeserializer(), new CaseEnvelopeDeserializer())) {
			consumer.subscribe(List.of(Topics.CASE_EVENTS.name()));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline && streams.values().stream().anyMatch((s) -> s.size() < each)) {
				for (ConsumerRecord<String, EventEnvelope<CaseEvent>> record : consumer.poll(Duration.ofMillis(500))) {
					if (streams.containsKey(record.key())) {
						streams.get(record.key()).add(record.value());
					}
				}
			}
		}
		return streams;
	}

}
