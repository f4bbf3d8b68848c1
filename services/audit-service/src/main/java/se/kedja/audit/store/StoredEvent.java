package se.kedja.audit.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;

/**
 * One row of the audit store: an envelope exactly as received (the payload in its
 * original schema version, the recording time in its original text), and where it came
 * from.
 */
public record StoredEvent(EventId eventId, ParticipantId participantId, long sequence, String type, int schemaVersion,
		LocalDate businessDate, Instant recordedAt, String recordedAtText, String recordedBy, @Nullable UUID commandId,
		@Nullable UUID correlationId, @Nullable String importId, String hash, @Nullable String previousHash,
		long globalPosition, int partition, long offset, JsonNode payload, Instant receivedAt) {

	/**
	 * The envelope's JSON as it travelled, rebuilt from the row: what its hash covers.
	 */
	public ObjectNode wireJson() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode wire = nodes.objectNode();
		wire.put("eventId", eventId.toString());
		wire.put("type", type);
		wire.put("schemaVersion", schemaVersion);
		wire.put("streamId", participantId.toString());
		wire.put("sequence", sequence);
		wire.put("businessDate", businessDate.toString());
		wire.put("recordedAt", recordedAtText);
		wire.put("recordedBy", recordedBy);
		wire.put("commandId", (commandId != null) ? commandId.toString() : null);
		wire.put("correlationId", (correlationId != null) ? correlationId.toString() : null);
		wire.put("importId", importId);
		wire.put("hash", hash);
		wire.put("previousHash", previousHash);
		wire.put("globalPosition", globalPosition);
		wire.set("payload", payload);
		return wire;
	}

	/** The envelope with its payload read (and upcast) into the current event types. */
	public EventEnvelope<CaseEvent> envelope(EventJson json) {
		CaseEvent event = json.readPayload(type, schemaVersion, payload);
		return new EventEnvelope<>(eventId, type, json.currentVersion(event.getClass()), participantId.toString(),
				sequence, businessDate, recordedAt, recordedBy, commandId, correlationId, importId, hash, previousHash,
				globalPosition, event);
	}

}
