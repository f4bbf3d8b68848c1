package se.kedja.events.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

import se.kedja.events.EventEnvelope;
import se.kedja.events.json.EventJson;

/** Writes an envelope as its JSON, and its type, version, id and position as headers. */
public class EnvelopeSerializer implements Serializer<EventEnvelope<?>> {

	private final EventJson json;

	public EnvelopeSerializer() {
		this(new EventJson());
	}

	public EnvelopeSerializer(EventJson json) {
		this.json = json;
	}

	@Override
	public byte @Nullable [] serialize(String topic, @Nullable EventEnvelope<?> envelope) {
		return (envelope != null) ? this.json.write(envelope) : null;
	}

	@Override
	public byte @Nullable [] serialize(String topic, Headers headers, @Nullable EventEnvelope<?> envelope) {
		if (envelope != null) {
			EventHeaders.put(headers, EventHeaders.EVENT_TYPE, envelope.type());
			EventHeaders.put(headers, EventHeaders.SCHEMA_VERSION, Integer.toString(envelope.schemaVersion()));
			EventHeaders.put(headers, EventHeaders.EVENT_ID, envelope.eventId().toString());
			EventHeaders.put(headers, EventHeaders.GLOBAL_POSITION, Long.toString(envelope.globalPosition()));
		}
		return serialize(topic, envelope);
	}

}
