package se.kedja.events.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import se.kedja.events.EventEnvelope;
import se.kedja.events.json.EventJson;
import se.kedja.events.cases.CaseEvent;

/**
 * Reads envelopes of case events, from any schema version this reader knows. Throws
 * {@link se.kedja.events.json.EventFormatException} on anything else, for the consumer's
 * error handler to send to a dead-letter topic.
 */
public class CaseEnvelopeDeserializer implements Deserializer<EventEnvelope<CaseEvent>> {

	private final EventJson json;

	public CaseEnvelopeDeserializer() {
		this(new EventJson());
	}

	public CaseEnvelopeDeserializer(EventJson json) {
		this.json = json;
	}

	@Override
	public @Nullable EventEnvelope<CaseEvent> deserialize(String topic, byte @Nullable [] data) {
		return (data != null) ? this.json.readCase(data) : null;
	}

}
