package se.kedja.events.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Record headers that repeat what the envelope says, so that routers and dead-letter
 * tools can act without parsing the value. UTF-8 text.
 */
public final class EventHeaders {

	public static final String EVENT_TYPE = "event-type";

	public static final String SCHEMA_VERSION = "schema-version";

	public static final String EVENT_ID = "event-id";

	public static final String GLOBAL_POSITION = "global-position";

	private EventHeaders() {
	}

	public static @Nullable String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
