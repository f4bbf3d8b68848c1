package se.kedja.audit.intake;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import se.kedja.audit.store.StoredEvent;
import se.kedja.events.EventEnvelope;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventFormatException;
import se.kedja.events.json.EventJson;

/**
 * A record from the topic, read twice: typed (which proves it is a case event this
 * service understands) and as raw JSON (which is what gets stored, so its hash can be
 * checked later exactly as it was written).
 */
record ReceivedEvent(EventEnvelope<CaseEvent> envelope, StoredEvent stored) {

	static ReceivedEvent of(ConsumerRecord<String, byte @Nullable []> record, EventJson json, Instant receivedAt) {
		byte[] value = record.value();
		if (value == null) {
			throw new EventFormatException("Empty record at offset " + record.offset());
		}
		EventEnvelope<CaseEvent> envelope = json.readCase(value);
		JsonNode wire = json.mapper().readTree(value);
		ParticipantId participant = participantOf(envelope);
		StoredEvent stored = new StoredEvent(envelope.eventId(), participant, envelope.sequence(), envelope.type(),
				envelope.schemaVersion(), envelope.businessDate(), envelope.recordedAt(),
				wire.get("recordedAt").asString(), envelope.recordedBy(), envelope.commandId(),
				envelope.correlationId(), envelope.importId(), envelope.hash(), envelope.previousHash(),
				envelope.globalPosition(), record.partition(), record.offset(), wire.get("payload"), receivedAt);
		return new ReceivedEvent(envelope, stored);
	}

	private static ParticipantId participantOf(EventEnvelope<CaseEvent> envelope) {
		ParticipantId participant;
		try {
			participant = new ParticipantId(UUID.fromString(envelope.streamId()));
		}
		catch (IllegalArgumentException ex) {
			throw new EventFormatException("Stream id '" + envelope.streamId() + "' is not a participant", ex);
		}
		if (!participant.equals(envelope.payload().participantId())) {
			throw new EventFormatException(
					"Stream " + participant + " holds an event of participant " + envelope.payload().participantId());
		}
		return participant;
	}

}
