package se.kedja.web.participant;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

import se.kedja.web.participant.FormField.Kind;

/**
 * Turns what the browser sent into the request body a service expects. Empty inputs are
 * left out, so the service names the missing field; empty rows of a group are dropped,
 * and {@link #fieldFor} maps a service's path back to the row the user typed in.
 */
final class FormBody {

	private final ObjectNode json = JsonNodeFactory.instance.objectNode();

	private final Map<String, String> pathVariables = new HashMap<>();

	private final Map<String, String> rowsSent = new HashMap<>();

	private FormBody() {
	}

	static FormBody of(CaseForm form, MultiValueMap<String, String> params) {
		FormBody body = new FormBody();
		Map<String, Integer> nextRow = new HashMap<>();
		for (FormPart part : form.parts()) {
			if (part.group() == null) {
				FormField field = part.fields().get(0);
				if (form.path().contains("{" + field.name() + "}")) {
					body.pathVariables.put(field.name(), first(params, field.name()));
				}
				else {
					body.put(body.json, field, field.name(), params);
				}
				continue;
			}
			ArrayNode array = body.json.has(part.group()) ? (ArrayNode) body.json.get(part.group())
					: body.json.putArray(part.group());
			boolean filled = part.fields()
				.stream()
				.anyMatch((field) -> field.kind() != Kind.CHECKBOX && !first(params, field.name()).isBlank());
			if (!filled) {
				continue;
			}
			int sentAs = nextRow.merge(part.group(), 1, Integer::sum) - 1;
			body.rowsSent.put(part.group() + "[" + sentAs + "]", part.group() + "[" + part.row() + "]");
			ObjectNode row = array.addObject();
			for (FormField field : part.fields()) {
				body.put(row, field, field.name().substring(field.name().indexOf("].") + 2), params);
			}
		}
		return body;
	}

	private void put(ObjectNode target, FormField field, String property, MultiValueMap<String, String> params) {
		String value = first(params, field.name()).strip();
		switch (field.kind()) {
			case MULTI -> {
				List<String> values = params.getOrDefault(field.name(), List.of());
				ArrayNode array = target.putArray(property);
				values.stream().filter((v) -> !v.isBlank()).forEach(array::add);
			}
			case CHECKBOX -> target.put(property, "true".equals(value));
			case YES_NO -> {
				if (!value.isEmpty()) {
					target.put(property, "true".equals(value));
				}
			}
			case NUMBER -> {
				if (!value.isEmpty()) {
					try {
						target.put(property, Long.parseLong(value));
					}
					catch (NumberFormatException ex) {
						target.put(property, value);
					}
				}
			}
			case KEY_VALUES -> {
				if (!value.isEmpty()) {
					ObjectNode map = target.putObject(property);
					for (String line : value.split("\\R")) {
						int equals = line.indexOf('=');
						if (equals > 0) {
							map.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
						}
					}
				}
			}
			default -> {
				if (!value.isEmpty()) {
					target.put(property, value);
				}
			}
		}
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

	ObjectNode json() {
		return this.json;
	}

	String expand(String path, String project, String participant) {
		String expanded = path.replace("{project}", project);
		for (Map.Entry<String, String> variable : this.pathVariables.entrySet()) {
			expanded = expanded.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		return expanded.startsWith("/api/") ? expanded : "/api/participants/" + participant + expanded;
	}

	@Nullable String missingPathVariable() {
		return this.pathVariables.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isBlank())
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The input a service's error path belongs to: {@code goals[0].key} of the row sent
	 * first.
	 */
	String fieldFor(String path) {
		for (Map.Entry<String, String> row : this.rowsSent.entrySet()) {
			if (path.startsWith(row.getKey())) {
				return row.getValue() + path.substring(row.getKey().length());
			}
		}
		return path;
	}

	static Map<String, String> orderedErrors() {
		return new LinkedHashMap<>();
	}

}
