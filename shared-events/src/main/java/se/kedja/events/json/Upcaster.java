package se.kedja.events.json;

import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * One step in the history of an event type: turns a payload written at
 * {@code fromVersion} into its form at {@code toVersion}.
 */
public record Upcaster(String type, int fromVersion, int toVersion, UnaryOperator<JsonNode> step) {

	public Upcaster {
		if (toVersion <= fromVersion) {
			throw new IllegalArgumentException("An upcaster moves a version forward");
		}
	}

	public JsonNode upcast(JsonNode payload) {
		return this.step.apply(payload.deepCopy());
	}

}
