package se.kedja.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import se.kedja.events.EventEnvelope;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ProjectId;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;
import se.kedja.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class IntakeTest extends AuditServiceTest {

	private static final Instant MORNING = Instant.parse("2010-03-15T08:00:00Z");

	private static final int BURST = 3_000;

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

	/**
	 * A burst large enough to come in many-record polls, with a record that is not a case
	 * event, one that is cut short, and one the database refuses for good (a NUL byte in
	 * text) among the good ones, and one good event sent twice.
	 */
	@Test
	void in_a_burst_every_good_event_is_stored_once_and_only_the_bad_records_are_dead_lettered() {
		ProjectId project = CaseStream.uniqueProject();
		LocalDate day = LocalDate.of(2010, 3, 15);
		List<EventEnvelope<CaseEvent>> good = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			good.add(new CaseStream(project).enrolled(day, MORNING));
		}
		String notAnEnvelope = good.get(BURST / 3).streamId();
		String cutShort = good.get(BURST / 2).streamId();
		CaseStream refusedCase = new CaseStream(project);
		CaseEvent enrolment = new CaseStream(project, refusedCase.participant()).enrolled(day, MORNING).payload();
		EventEnvelope<CaseEvent> refused = refusedCase.record(enrolment, MORNING, "coach-\u0000-7");
		byte[] truncated = new EventJson().write(good.get(BURST / 2));
		truncated = Arrays.copyOf(truncated, truncated.length / 2);

		publish(good.subList(0, BURST / 3));
		publishRaw(notAnEnvelope, "{\"this is\": \"not an envelope\"}".getBytes(StandardCharsets.UTF_8));
		publish(good.subList(BURST / 3, BURST / 2));
		publishRaw(cutShort, truncated);
		publish(List.of(refused));
		publish(good.subList(BURST / 2, BURST));
		publish(List.of(good.get(7)));

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> storedOf(project) >= BURST);
		Map<String, ConsumerRecord<String, byte[]>> deadLetters = deadLettersWithKeys(
				Set.of(notAnEnvelope, cutShort, refused.streamId()), 3);
		assertThat(storedOf(project)).as("events of the burst stored").isEqualTo(BURST);
		assertThat(sqlLong("SELECT count(DISTINCT e.event_id) FROM audit.case_event e"
				+ " JOIN audit.case_project p USING (participant_id) WHERE p.project_id = '" + project + "'"))
			.as("distinct events of the burst stored")
			.isEqualTo(BURST);
		assertThat(storedCount(refusedCase.participant())).as("the refused event stored").isZero();
		assertThat(deadLetters).containsOnlyKeys(notAnEnvelope, cutShort, refused.streamId());
		assertThat(new String(deadLetters.get(notAnEnvelope).value(), StandardCharsets.UTF_8))
			.contains("not an envelope");
		assertThat(deadLetters.get(cutShort).value()).isEqualTo(truncated);
		assertThat(new String(deadLetters.get(refused.streamId()).value(), StandardCharsets.UTF_8))
			.contains(refused.eventId().toString());
		deadLetters.values()
			.forEach((deadLetter) -> assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message"))
				.as("reason of the dead letter keyed %s", deadLetter.key())
				.isNotNull()
				.extracting((header) -> new String(header.value(), StandardCharsets.UTF_8))
				.asString()
				.isNotBlank());
	}

	private static long storedOf(ProjectId project) {
		return sqlLong("SELECT count(*) FROM audit.case_event e JOIN audit.case_project p USING (participant_id)"
				+ " WHERE p.project_id = '" + project + "'");
	}

	/**
	 * Every dead letter whose key is one of the keys, read to the end of the topic once
	 * the expected number has appeared: a good record dead-lettered under the same key
	 * would replace the bad one's entry and fail the value checks.
	 */
	private static Map<String, ConsumerRecord<String, byte[]>> deadLettersWithKeys(Set<String> keys, int expected) {
		Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
		List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = deadLetterReader()) {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (keys.contains(record.key())) {
						all.add(record);
						found.put(record.key(), record);
					}
				});
				return all.size() >= expected;
			});
			Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keys.contains(record.key())) {
						all.add(record);
						found.put(record.key(), record);
					}
				});
				return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
			});
		}
		assertThat(all).as("dead letters of the burst").hasSize(expected);
		return found;
	}

	/** A consumer of the dead-letter topic from its beginning, in a group of its own. */
	private static KafkaConsumer<String, byte[]> deadLetterReader() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(Topics.CASE_EVENTS_DLT.name()));
		return consumer;
	}

	private static ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
		AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
		try (KafkaConsumer<String, byte[]> consumer = deadLetterReader()) {
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
