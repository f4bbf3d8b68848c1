package se.kedja.audit.replay;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.json.EventJson;

/**
 * Applies corrections to the event they correct: each corrected value replaces the field
 * of that name in the event's JSON form, later corrections over earlier ones. A value for
 * a field the event does not have, or one that does not fit, is left out rather than
 * guessed.
 */
final class Corrections {

	private static final JsonMapper JSON = new EventJson().mapper();

	private Corrections() {
	}

	static CaseEvent apply(CaseEvent original, List<CorrectionRecorded> corrections) {
		if (corrections.isEmpty()) {
			return original;
		}
		ObjectNode fields = JSON.valueToTree(original);
		for (CorrectionRecorded correction : corrections) {
			for (Map.Entry<String, String> value : correction.correctedValues().entrySet()) {
				JsonNode current = fields.get(value.getKey());
				if (current != null && !"participantId".equals(value.getKey())) {
					fields.set(value.getKey(), node(current, value.getValue()));
				}
			}
		}
		try {
			return JSON.treeToValue(fields, original.getClass());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return original;
		}
	}

	private static JsonNode node(JsonNode current, String value) {
		if (current.isString()) {
			return StringNode.valueOf(value);
		}
		try {
			return JSON.readTree(value);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(value);
		}
	}

}
