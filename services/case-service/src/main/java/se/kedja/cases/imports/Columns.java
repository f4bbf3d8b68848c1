package se.kedja.cases.imports;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns a CSV or sheet may have: the fields of the request records, plus the line's
 * own: {@code command}, {@code participant} (the file's reference for the person),
 * {@code project}, {@code participantId}. A cell becomes the JSON value its field takes:
 * lists split on {@code |} or {@code ;}, {@code ja}/{@code nej} for yes and no, whole
 * numbers as numbers, and a cell starting with {@code [} or <code>{</code> as JSON.
 */
final class Columns {

	static final String COMMAND = "command";

	static final String PARTICIPANT = "participant";

	static final String PROJECT = "project";

	static final String PARTICIPANT_ID = "participantId";

	static final List<String> LINE_FIELDS = List.of(COMMAND, PARTICIPANT, PROJECT, PARTICIPANT_ID, "activityId",
			"transferId");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[|;]\\s*");

	private static final Map<String, Class<?>> TYPES = new HashMap<>();

	static final Set<String> KNOWN = new LinkedHashSet<>(LINE_FIELDS);

	static {
		for (ImportCommand command : ImportCommand.values()) {
			for (RecordComponent component : command.request().getRecordComponents()) {
				KNOWN.add(component.getName());
				Class<?> type = component.getType();
				if (component.getGenericType() instanceof ParameterizedType && List.class.isAssignableFrom(type)) {
					TYPES.put(component.getName(), List.class);
				}
				else {
					TYPES.putIfAbsent(component.getName(), type);
				}
			}
		}
	}

	private Columns() {
	}

	/** The header's names that no template has; empty when the header is usable. */
	static List<String> unknown(List<String> header) {
		List<String> unknown = new ArrayList<>();
		for (String name : header) {
			if (!name.isBlank() && !KNOWN.contains(name.strip())) {
				unknown.add(name.strip());
			}
		}
		return unknown;
	}

	/**
	 * A header is usable when every name is known and it names the command, or it is an
	 * enrolment list without one (as demo-data writes it).
	 */
	static boolean usable(List<String> header) {
		List<String> names = header.stream().map(String::strip).toList();
		return unknown(header).isEmpty() && (names.contains(COMMAND)
				|| names.containsAll(List.of("personnummer", "name", "enrolledOn", "siteId")));
	}

	static ObjectNode row(JsonMapper json, List<String> header, List<String> cells) {
		ObjectNode fields = json.createObjectNode();
		for (int i = 0; i < header.size() && i < cells.size(); i++) {
			String name = header.get(i).strip();
			String value = cells.get(i).strip();
			if (!name.isEmpty() && !value.isEmpty()) {
				fields.set(name, value(json, name, value));
			}
		}
		if (!fields.has(COMMAND) && !header.contains(COMMAND) && !fields.isEmpty()) {
			fields.put(COMMAND, ImportCommand.ENROL.wireName());
		}
		return fields;
	}

	private static JsonNode value(JsonMapper json, String name, String value) {
		if (value.startsWith("[") || value.startsWith("{")) {
			try {
				return json.readTree(value);
			}
			catch (RuntimeException ex) {
				return json.getNodeFactory().textNode(value);
			}
		}
		Class<?> type = TYPES.getOrDefault(name, String.class);
		if (type == List.class) {
			ArrayNode list = json.createArrayNode();
			for (String item : LIST_SEPARATOR.split(value)) {
				if (!item.isEmpty()) {
					list.add(item);
				}
			}
			return list;
		}
		if (type == Boolean.class) {
			String word = value.toLowerCase(Locale.ROOT);
			if (word.equals("ja") || word.equals("true") || word.equals("yes")) {
				return json.getNodeFactory().booleanNode(true);
			}
			if (word.equals("nej") || word.equals("false") || word.equals("no")) {
				return json.getNodeFactory().booleanNode(false);
			}
		}
		if (type == Integer.class && value.matches("-?\\d{1,9}")) {
			return json.getNodeFactory().numberNode(Integer.parseInt(value));
		}
		return json.getNodeFactory().textNode(value);
	}

}
