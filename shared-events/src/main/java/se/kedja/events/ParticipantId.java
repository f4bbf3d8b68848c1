package se.kedja.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A participant (deltagare), and so the stream of their case. Pseudonymous: it says
 * nothing about the person.
 */
public record ParticipantId(UUID value) {

	public ParticipantId {
		Objects.requireNonNull(value, "value");
	}

	public static ParticipantId of(String value) {
		return new ParticipantId(UUID.fromString(value));
	}

	public static ParticipantId random() {
		return new ParticipantId(UUID.randomUUID());
	}

	/** The bare UUID, which is also how Axon and Kafka name the case's stream. */
	@Override
	public String toString() {
		return this.value.toString();
	}

}
