package se.kedja.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A handover (överlämning) of responsibility for a case, from its request to its answer.
 */
public record TransferId(UUID value) {

	public TransferId {
		Objects.requireNonNull(value, "value");
	}

	public static TransferId of(String value) {
		return new TransferId(UUID.fromString(value));
	}

	public static TransferId random() {
		return new TransferId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
