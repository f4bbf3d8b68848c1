package se.kedja.events.json;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The upcasters of all event types, chained to read any older version as the current one.
 */
public final class Upcasters {

	/**
	 * Every upcaster Kedja has. Empty while every event type is at its first version:
	 * when a type's schema changes, bump its {@code @EventType} version and add the step
	 * here.
	 */
	private static final List<Upcaster> ALL = List.of();

	private final Map<String, Upcaster> byTypeAndVersion;

	public Upcasters(List<Upcaster> upcasters) {
		this.byTypeAndVersion = upcasters.stream()
			.collect(Collectors.toUnmodifiableMap((u) -> key(u.type(), u.fromVersion()), Function.identity()));
	}

	public static Upcasters standard() {
		return new Upcasters(ALL);
	}

	/**
	 * The payload of a {@code type} written at {@code fromVersion}, as it reads at
	 * {@code toVersion}.
	 */
	public JsonNode upcast(String type, int fromVersion, int toVersion, JsonNode payload) {
		JsonNode current = payload;
		int version = fromVersion;
		while (version < toVersion) {
			Upcaster step = this.byTypeAndVersion.get(key(type, version));
			if (step == null || step.toVersion() > toVersion) {
				throw new EventFormatException(
						"No way to read " + type + " v" + fromVersion + " as v" + toVersion + ": stuck at v" + version);
			}
			current = step.upcast(current);
			version = step.toVersion();
		}
		return current;
	}

	private static String key(String type, int fromVersion) {
		return type + "@" + fromVersion;
	}

}
