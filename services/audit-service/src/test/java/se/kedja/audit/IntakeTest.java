package se.kedja.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import se.kedja.events.EventEnvelope;
import se.kedja.events.ExitOutcome;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class IntakeTest extends AuditServiceTest {

	private static final Instant MORNING = Instant.parse("2010-03-15T08:00:00Z");

	@Test
	void every_event_of_a_case_is_stored_once_even_when_delivered_twice() {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		stream.enrolled(LocalDate.of(2010, 3, 15), MORNING);
		stream.planAgreed(LocalDate.of(2010, 3, 25), MORNING.plus(Duration.ofDays(10)));
		publishAndAwait(stream);

		List<EventEnvelope<CaseEvent>> delivered = stream.events();
		stream.exited(LocalDate.of(2010, 9, 1), ExitOutcome.EMPLOYMENT, MORNING.plus(Duration.ofDays(170)));
		publish(delivered);
		publishAndAwait(stream);

		assertThat(storedCount(stream.participant())).isEqualTo(3);
		assertThat(getJson("/api/participants/" + stream.participant() + "/history").path("totalEvents").asInt())
			.isEqualTo(3);
	}

	@Test
	void stored_events_can_be_neither_updated_nor_deleted() {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		stream.enrolled(LocalDate.of(2010, 3, 15), MORNING);
		publishAndAwait(stream);

		assertThatThrownBy(() -> sql("UPDATE audit.case_event SET recorded_by = 'someone-else' WHERE participant_id = '"
				+ stream.participant() + "'"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> sql("DELETE FROM audit.case_event WHERE participant_id = '" + stream.participant() + "'"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> sql("UPDATE audit.access_log SET purpose = 'none'"))
			.hasMessageContaining("append-only");
	}

	@Test
	void a_record_that_is_not_a_case_event_goes_to_the_dead_letter_topic_and_the_partition_moves_on() {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		String key = stream.participant().toString();
		publishRaw(key, "{\"this is\": \"not an envelope\"}".getBytes(StandardCharsets.UTF_8));
		EventEnvelope<CaseEvent> enrolled = stream.enrolled(LocalDate.of(2010, 3, 15), MORNING);
		stream.exited(LocalDate.of(2010, 9, 1), ExitOutcome.EDUCATION, MORNING.plus(Duration.ofDays(170)));
		publishAndAwait(stream);

		ConsumerRecord<String, byte[]> deadLetter = deadLetterWithKey(key);
		assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).contains("not an envelope");
		assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.isNotBlank();
		assertThat(getJson("/api/participants/" + key + "/history").path("events").get(0).path("eventId").asString())
			.isEqualTo(enrolled.eventId().toString());
	}

	private static ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.CASE_EVENTS_DLT.name()));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.set(record);
					}
				});
				return found.get() != null;
			});
		}
		return found.get();
	}

}
