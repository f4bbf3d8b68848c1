package se.kedja.events.projects;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One goal of the project, as data. The goal language that reads {@code kind} and
 * {@code spec} is progress-service's; here the goal is kept whole and on record.
 *
 * @param id unique within the project, e.g. {@code in-work-90-days}
 * @param kind e.g. {@code count}, {@code share}
 * @param spec the goal's parameters: filter, anchor, window, target, breakdowns (JSON
 * values: strings, numbers, booleans, lists and maps of them)
 */
public record GoalDefinition(String id, String title, String kind, Map<String, Object> spec) {

	public GoalDefinition {
		spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
	}

}
