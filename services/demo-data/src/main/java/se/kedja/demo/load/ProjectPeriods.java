package se.kedja.demo.load;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.demo.generate.SeedProject;

/**
 * Moves a project's period to the demo's dates by revising its definition through the
 * API: the definition in force is read back, its period (and any date in its goals) moved
 * by whole weeks, and sent as a revision. Nothing is sent when the period already is the
 * demo's.
 */
final class ProjectPeriods {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final DemoLoader loader;

	ProjectPeriods(DemoLoader loader) {
		this.loader = loader;
	}

	void align(String projectId, SeedProject.Period period) {
		DemoLoader.Response current = this.loader.get(this.loader.caseService(), "/api/projects/" + projectId,
				Map.of());
		if (current.status() == 404) {
			throw new IllegalStateException("case-service has no project '" + projectId
					+ "'; its definition belongs in services/case-service/src/main/resources/projects/");
		}
		if (!current.ok()) {
			throw new IllegalStateException(
					"Could not read project " + projectId + ": " + current.status() + " " + current.text());
		}
		JsonNode definition = current.json().path("definition");
		LocalDate start = LocalDate.parse(definition.path("periodStart").asString());
		long days = ChronoUnit.DAYS.between(start, period.start());
		if (days == 0) {
			return;
		}
		ObjectNode document = (ObjectNode) plain(definition);
		document.put("periodStart", period.start().toString());
		document.put("periodEnd", period.end().toString());
		document.set("goals", shiftDates(document.path("goals"), days));
		DemoLoader.Response revised = this.loader.put("/api/projects/" + projectId + "/definition",
				JSON.writeValueAsString(document), "application/yaml");
		if (!revised.ok()) {
			throw new IllegalStateException("Could not move project " + projectId + " to the demo's dates: "
					+ revised.status() + " " + revised.text());
		}
		this.loader.out()
			.accept("[demo] " + projectId + ": period moved " + days + " days, to " + period.start() + " – "
					+ period.end());
	}

	/** Typed ids read back as {@code {"value": "x"}} are written as {@code "x"}. */
	static JsonNode plain(JsonNode node) {
		if (node.isObject()) {
			if (node.size() == 1 && node.has("value") && node.get("value").isValueNode()) {
				return node.get("value");
			}
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach((entry) -> copy.set(entry.getKey(), plain(entry.getValue())));
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> copy.add(plain(item)));
			return copy;
		}
		return node;
	}

	static JsonNode shiftDates(JsonNode node, long days) {
		if (node.isString() && DATE.matcher(node.asString()).matches()) {
			return JsonNodeFactory.instance.stringNode(LocalDate.parse(node.asString()).plusDays(days).toString());
		}
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach((entry) -> copy.set(entry.getKey(), shiftDates(entry.getValue(), days)));
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> copy.add(shiftDates(item, days)));
			return copy;
		}
		return node;
	}

}
