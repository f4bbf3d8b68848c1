package se.kedja.audit.store;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventFormatException;
import se.kedja.events.json.EventJson;

/**
 * Payloads read into their events, remembered by their exact stored text: replaying a
 * long case reads hundreds of payloads, and reading JSON into records is most of a
 * replay's work. The text is the key, so a payload that differs by one character (an
 * edited row too) is read afresh; events are immutable, so one instance may serve every
 * read of the same text.
 */
final class TypedPayloads {

	private static final int MAX_ENTRIES = 10_000;

	private final EventJson eventJson;

	private final JsonMapper json;

	private final Map<Key, CaseEvent> recent = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, CaseEvent> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	TypedPayloads(EventJson eventJson) {
		this.eventJson = eventJson;
		this.json = eventJson.mapper();
	}

	CaseEvent read(String type, int version, String text) {
		Key key = new Key(type, version, text);
		synchronized (recent) {
			CaseEvent known = recent.get(key);
			if (known != null) {
				return known;
			}
		}
		CaseEvent event = parse(type, version, text);
		synchronized (recent) {
			recent.put(key, event);
		}
		return event;
	}

	// the tree is needed only to upcast; reading it first doubles the work for the rest
	private CaseEvent parse(String type, int version, String text) {
		Class<?> eventClass = eventJson.typeOf(type);
		if (version != eventJson.currentVersion(eventClass)) {
			return eventJson.readPayload(type, version, json.readTree(text));
		}
		try {
			return (CaseEvent) json.readValue(text, eventClass);
		}
		catch (JacksonException ex) {
			throw new EventFormatException("Cannot read " + type + " v" + version + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private record Key(String type, int version, String text) {
	}

}
