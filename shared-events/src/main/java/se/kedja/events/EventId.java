package se.kedja.events;

import java.util.Objects;
import java.util.UUID;

/**
 * One recorded event: the Axon message identifier of the event, and the envelope's event
 * id.
 */
public record EventId(UUID value) {

	public EventId {
		Objects.requireNonNull(value, "value");
	}

	public static EventId of(String value) {
		return new EventId(UUID.fromString(value));
	}

	public static EventId random() {
		return new EventId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
