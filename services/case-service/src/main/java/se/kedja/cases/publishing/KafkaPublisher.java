package se.kedja.cases.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import se.kedja.cases.config.AxonConfig;
import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.Topic;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventHashes;
import se.kedja.events.json.EventJson;
import se.kedja.events.projects.ProjectEvent;

/**
 * Publishes every stored event to Kafka, in store order, as an {@link EventEnvelope} in
 * its stream's hash chain. The events of a processor batch are all sent at once (the
 * idempotent producer keeps their order per case), and the batch commits only when the
 * broker has acknowledged every one of them, so the processor's token (the outbox
 * position) only moves past events the broker has; a failure rolls the batch back and the
 * processor retries from its first event.
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
class KafkaPublisher {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

	private static final String BATCH = KafkaPublisher.class.getName() + ".batch";

	private final KafkaTemplate<String, EventEnvelope<?>> kafka;

	private final EventChain chain;

	private final EventJson json = new EventJson();

	KafkaPublisher(KafkaTemplate<String, EventEnvelope<?>> envelopeKafkaTemplate, EventChain chain) {
		this.kafka = envelopeKafkaTemplate;
		this.chain = chain;
	}

	@EventHandler
	void on(CaseEvent event, DomainEventMessage<?> message) {
		publish(Topics.CASE_EVENTS, envelope(event, event.businessDate(), message));
	}

	@EventHandler
	void on(ProjectEvent event, DomainEventMessage<?> message) {
		publish(Topics.PROJECT_EVENTS, envelope(event, null, message));
	}

	private <E> EventEnvelope<E> envelope(E event, @Nullable LocalDate businessDate, DomainEventMessage<?> message) {
		MetaData metadata = message.getMetaData();
		Instant recordedAt = instant(metadata.get(RecordingMetadata.RECORDED_AT), message);
		String streamId = message.getAggregateIdentifier();
		long sequence = message.getSequenceNumber();
		Batch batch = batch();
		Map<String, String> batchHashes = batch.hashes();
		EventEnvelope<E> envelope = new EventEnvelope<>(EventId.of(message.getIdentifier()),
				this.json.typeName(event.getClass()), this.json.currentVersion(event.getClass()), streamId, sequence,
				(businessDate != null) ? businessDate : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC), recordedAt,
				text(metadata.get(RecordingMetadata.RECORDED_BY), "system"),
				uuid(metadata.get(RecordingMetadata.COMMAND_ID)), uuid(metadata.get(RecordingMetadata.CORRELATION_ID)),
				textOrNull(metadata.get(RecordingMetadata.IMPORT_ID)), null,
				previousHash(batchHashes, streamId, sequence), globalIndex(batch, message.getIdentifier()), event);
		String hash = EventHashes.hash(envelope);
		batch.links().add(new EventChain.Link(streamId, sequence, message.getIdentifier(), hash));
		batchHashes.put(streamId + "@" + sequence, hash);
		return envelope.withHash(hash);
	}

	private long globalIndex(Batch batch, String eventId) {
		Long index = batch.globalIndexes().get(eventId);
		return (index != null) ? index : this.chain.globalIndex(eventId);
	}

	/**
	 * The previous event of the stream is in the same batch or was looked up with it: no
	 * query then.
	 */
	private @Nullable String previousHash(Map<String, String> batchHashes, String streamId, long sequence) {
		String inBatch = batchHashes.get(streamId + "@" + (sequence - 1));
		return (inBatch != null) ? inBatch : this.chain.previousHash(streamId, sequence);
	}

	private void publish(Topic<String, ?> topic, EventEnvelope<?> envelope) {
		batch().acks().add(this.kafka.send(new ProducerRecord<>(topic.name(), envelope.streamId(), envelope)));
	}

	/**
	 * What the current batch has sent. Its hashes are recorded in one statement and its
	 * acknowledgements awaited before the batch's transaction (with the token) commits.
	 * The global indexes of the batch's events and the hash before each stream's first
	 * event in it are looked up at its first event, one statement each, rather than one
	 * or two per event.
	 */
	private Batch batch() {
		UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
		return unitOfWork.getOrComputeResource(BATCH, (key) -> {
			Batch batch = lookUp(unitOfWork);
			unitOfWork.onPrepareCommit((u) -> {
				this.chain.recordAll(batch.links());
				batch.awaitAcks();
			});
			return batch;
		});
	}

	private Batch lookUp(UnitOfWork<?> unitOfWork) {
		List<String> eventIds = new ArrayList<>();
		Map<String, Long> firstSequences = new HashMap<>();
		if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
			for (Message<?> message : batching.getMessages()) {
				if (message instanceof DomainEventMessage<?> event) {
					eventIds.add(event.getIdentifier());
					firstSequences.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::min);
				}
			}
		}
		Map<String, Long> previous = new HashMap<>();
		firstSequences.forEach((streamId, sequence) -> {
			if (sequence > 0) {
				previous.put(streamId, sequence - 1);
			}
		});
		return new Batch(new ArrayList<>(), this.chain.hashesAt(previous), this.chain.globalIndexes(eventIds),
				new ArrayList<>());
	}

	private record Batch(List<CompletableFuture<?>> acks, Map<String, String> hashes, Map<String, Long> globalIndexes,
			List<EventChain.Link> links) {

		void awaitAcks() {
			try {
				CompletableFuture.allOf(this.acks.toArray(CompletableFuture[]::new))
					.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while awaiting the broker's acknowledgements", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("The broker did not acknowledge the batch", ex);
			}
		}

	}

	private static Instant instant(@Nullable Object value, EventMessage<?> message) {
		return (value != null) ? Instant.parse(value.toString()) : message.getTimestamp();
	}

	private static String text(@Nullable Object value, String fallback) {
		return (value != null) ? value.toString() : fallback;
	}

	private static @Nullable String textOrNull(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable UUID uuid(@Nullable Object value) {
		return (value != null) ? UUID.fromString(value.toString()) : null;
	}

}
