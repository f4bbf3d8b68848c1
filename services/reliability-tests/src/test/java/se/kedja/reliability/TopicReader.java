package se.kedja.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventHashes;
import se.kedja.events.kafka.CaseEnvelopeDeserializer;

/**
 * Everything on the case topic from the beginning, by participant, with what a consumer
 * must cope with counted: duplicates (a re-sent event, same id and hash), and what no
 * consumer can cope with flagged: a gap, an event out of order, a duplicate that differs,
 * a broken hash chain.
 */
final class TopicReader {

	private TopicReader() {
	}

	record Stream(List<EventEnvelope<CaseEvent>> distinct, int duplicates, List<String> faults) {

		String projectId() {
			return this.distinct.isEmpty() ? null
					: (this.distinct.get(0).payload() instanceof se.kedja.events.cases.ParticipantEnrolled enrolled)
							? enrolled.projectId().value() : null;
		}

	}

	record Topic(Map<String, Stream> streams) {

		long distinctEvents() {
			return this.streams.values().stream().mapToLong((stream) -> stream.distinct().size()).sum();
		}

		long duplicates() {
			return this.streams.values().stream().mapToLong(Stream::duplicates).sum();
		}

		List<String> faults() {
			return this.streams.values().stream().flatMap((stream) -> stream.faults().stream()).toList();
		}

	}

	static Topic read(String bootstrapServers) {
		Map<String, List<EventEnvelope<CaseEvent>>> raw = new LinkedHashMap<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reliability-reader-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
				ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 120_000);
		try (KafkaConsumer<String, EventEnvelope<CaseEvent>> consumer = new KafkaConsumer<>(config,
				new StringDeserializer(), new CaseEnvelopeDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo info : consumer.partitionsFor(Topics.CASE_EVENTS.name())) {
				partitions.add(new TopicPartition(info.topic(), info.partition()));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read the topic to its end in 5 minutes");
				}
				for (ConsumerRecord<String, EventEnvelope<CaseEvent>> record : consumer.poll(Duration.ofSeconds(1))) {
					raw.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(record.value());
				}
			}
		}
		Map<String, Stream> streams = new LinkedHashMap<>();
		raw.forEach((participant, records) -> streams.put(participant, stream(participant, records)));
		return new Topic(streams);
	}

	private static Stream stream(String participant, List<EventEnvelope<CaseEvent>> records) {
		List<EventEnvelope<CaseEvent>> distinct = new ArrayList<>();
		Map<String, EventEnvelope<CaseEvent>> seen = new HashMap<>();
		List<String> faults = new ArrayList<>();
		int duplicates = 0;
		for (EventEnvelope<CaseEvent> record : records) {
			EventEnvelope<CaseEvent> earlier = seen.putIfAbsent(record.eventId().toString(), record);
			if (earlier != null) {
				duplicates++;
				if (!Objects.equals(earlier.hash(), record.hash()) || earlier.sequence() != record.sequence()) {
					faults.add(participant + ": event " + record.eventId() + " sent again with another hash or place");
				}
				continue;
			}
			if (record.sequence() != distinct.size()) {
				faults.add(participant + ": sequence " + record.sequence() + " where " + distinct.size()
						+ " was due (gap or out of order)");
			}
			distinct.add(record);
		}
		if (!EventHashes.verifyChain(distinct)) {
			faults.add(participant + ": hash chain broken at " + EventHashes.firstBreak(distinct));
		}
		return new Stream(distinct, duplicates, faults);
	}

}
