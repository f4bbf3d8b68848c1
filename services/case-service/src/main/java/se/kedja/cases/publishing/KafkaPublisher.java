package se.kedja.cases.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
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
 * its stream's hash chain. It waits for the broker's acknowledgement, so the processor's
 * token (the outbox position) only moves past events the broker has; a failure is
 * rethrown and the processor retries from the same event.
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
class KafkaPublisher {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTemplate<String, EventEnvelope<?>> kafka;

	private final EventChain chain;

	private final EventJson json = new EventJson();

	KafkaPublisher(KafkaTemplate<String, EventEnvelope<?>> envelopeKafkaTemplate, EventChain chain) {
		this.kafka = envelopeKafkaTemplate;
		this.chain = chain;
	}

	@EventHandler
	void on(CaseEvent event, DomainEventMessage<?> message, TrackingToken token) throws Exception {
		publish(Topics.CASE_EVENTS, envelope(event, event.businessDate(), message, token));
	}

	@EventHandler
	void on(ProjectEvent event, DomainEventMessage<?> message, TrackingToken token) throws Exception {
		publish(Topics.PROJECT_EVENTS, envelope(event, null, message, token));
	}

	private <E> EventEnvelope<E> envelope(E event, @Nullable LocalDate businessDate, DomainEventMessage<?> message,
			TrackingToken token) {
		MetaData metadata = message.getMetaData();
		Instant recordedAt = instant(metadata.get(RecordingMetadata.RECORDED_AT), message);
		String streamId = message.getAggregateIdentifier();
		long sequence = message.getSequenceNumber();
		EventEnvelope<E> envelope = new EventEnvelope<>(EventId.of(message.getIdentifier()),
				this.json.typeName(event.getClass()), this.json.currentVersion(event.getClass()), streamId, sequence,
				(businessDate != null) ? businessDate : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC), recordedAt,
				text(metadata.get(RecordingMetadata.RECORDED_BY), "system"),
				uuid(metadata.get(RecordingMetadata.COMMAND_ID)), uuid(metadata.get(RecordingMetadata.CORRELATION_ID)),
				textOrNull(metadata.get(RecordingMetadata.IMPORT_ID)), null,
				this.chain.previousHash(streamId, sequence), token.position().orElse(EventEnvelope.UNKNOWN_POSITION),
				event);
		String hash = EventHashes.hash(envelope);
		this.chain.record(streamId, sequence, message.getIdentifier(), hash);
		return envelope.withHash(hash);
	}

	private void publish(Topic<String, ?> topic, EventEnvelope<?> envelope)
			throws InterruptedException, ExecutionException, TimeoutException {
		this.kafka.send(new ProducerRecord<>(topic.name(), envelope.streamId(), envelope))
			.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
