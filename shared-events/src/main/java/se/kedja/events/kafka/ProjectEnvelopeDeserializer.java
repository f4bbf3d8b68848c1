package se.kedja.events.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import se.kedja.events.EventEnvelope;
import se.kedja.events.json.EventJson;
import se.kedja.events.projects.ProjectEvent;

/**
 * Reads envelopes of project events, from any schema version this reader knows. Throws
 * {@link se.kedja.events.json.EventFormatException} on anything else, for the consumer's
 * error handler to send to a dead-letter topic.
 */
public class ProjectEnvelopeDeserializer implements Deserializer<EventEnvelope<ProjectEvent>> {

	private final EventJson json;

	public ProjectEnvelopeDeserializer() {
		this(new EventJson());
	}

	public ProjectEnvelopeDeserializer(EventJson json) {
		this.json = json;
	}

	@Override
	public @Nullable EventEnvelope<ProjectEvent> deserialize(String topic, byte @Nullable [] data) {
		return (data != null) ? this.json.readProject(data) : null;
	}

}
