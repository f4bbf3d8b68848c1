package se.kedja.events;

import java.util.Objects;
import java.util.UUID;

/** One activity in a case, from its start to its completion. */
public record ActivityId(UUID value) {

	public ActivityId {
		Objects.requireNonNull(value, "value");
	}

	public static ActivityId of(String value) {
		return new ActivityId(UUID.fromString(value));
	}

	public static ActivityId random() {
		return new ActivityId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
