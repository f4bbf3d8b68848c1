package se.kedja.events.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import se.kedja.events.ActivityId;
import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.EventType;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.TransferId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.projects.ProjectEvent;

/**
 * The JSON form of events and envelopes. Identifiers are plain strings, dates ISO
 * strings, properties sorted; a payload is named by its logical type and schema version,
 * and older versions are upcast on reading. Thread-safe; make one and share it.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.addModule(identifiers())
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Map<String, Class<?>> TYPES = registry(CaseEvent.class, ProjectEvent.class);

	private final Upcasters upcasters;

	public EventJson() {
		this(Upcasters.standard());
	}

	public EventJson(Upcasters upcasters) {
		this.upcasters = upcasters;
	}

	/**
	 * The configured mapper, e.g. for Axon's serializer, so the event store holds the
	 * same JSON.
	 */
	public JsonMapper mapper() {
		return MAPPER;
	}

	public String typeName(Class<?> eventClass) {
		return eventType(eventClass).name();
	}

	public int currentVersion(Class<?> eventClass) {
		return eventType(eventClass).version();
	}

	public Class<?> typeOf(String name) {
		Class<?> type = TYPES.get(name);
		if (type == null) {
			throw new EventFormatException("Unknown event type '" + name + "'");
		}
		return type;
	}

	public Set<String> typeNames() {
		return TYPES.keySet();
	}

	public byte[] write(EventEnvelope<?> envelope) {
		Class<?> payloadClass = envelope.payload().getClass();
		if (!envelope.type().equals(typeName(payloadClass))
				|| envelope.schemaVersion() != currentVersion(payloadClass)) {
			throw new EventFormatException("Envelope says " + envelope.type() + " v" + envelope.schemaVersion()
					+ " but holds " + payloadClass.getSimpleName());
		}
		return MAPPER.writeValueAsBytes(envelope);
	}

	public EventEnvelope<CaseEvent> readCase(byte[] json) {
		return read(json, CaseEvent.class);
	}

	public EventEnvelope<ProjectEvent> readProject(byte[] json) {
		return read(json, ProjectEvent.class);
	}

	public byte[] writePayload(Object event) {
		eventType(event.getClass());
		return MAPPER.writeValueAsBytes(event);
	}

	public <E> E readPayload(String type, int version, byte[] json) {
		return readPayload(type, version, parse(json));
	}

	@SuppressWarnings("unchecked")
	public <E> E readPayload(String type, int version, JsonNode payload) {
		Class<?> eventClass = typeOf(type);
		int current = currentVersion(eventClass);
		if (version > current) {
			throw new EventFormatException(type + " v" + version + " is newer than this reader's v" + current);
		}
		JsonNode upcast = this.upcasters.upcast(type, version, current, payload);
		try {
			return (E) MAPPER.treeToValue(upcast, eventClass);
		}
		catch (JacksonException ex) {
			throw new EventFormatException("Cannot read " + type + " v" + version + ": " + ex.getOriginalMessage(), ex);
		}
	}

	JsonNode tree(EventEnvelope<?> envelope) {
		return MAPPER.valueToTree(envelope);
	}

	JsonNode parse(byte[] json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new EventFormatException("Not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	byte[] canonicalBytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	private <E> EventEnvelope<E> read(byte[] json, Class<E> hierarchy) {
		Wire wire;
		try {
			wire = MAPPER.treeToValue(parse(json), Wire.class);
		}
		catch (JacksonException ex) {
			throw new EventFormatException("Not an event envelope: " + ex.getOriginalMessage(), ex);
		}
		Object payload = readPayload(wire.type(), wire.schemaVersion(), wire.payload());
		if (!hierarchy.isInstance(payload)) {
			throw new EventFormatException(wire.type() + " is not a " + hierarchy.getSimpleName());
		}
		return new EventEnvelope<>(wire.eventId(), wire.type(), wire.schemaVersion(), wire.streamId(), wire.sequence(),
				wire.businessDate(), wire.recordedAt(), wire.recordedBy(), wire.commandId(), wire.correlationId(),
				wire.importId(), wire.hash(), wire.previousHash(), wire.globalPosition(), hierarchy.cast(payload));
	}

	private static EventType eventType(Class<?> eventClass) {
		EventType type = eventClass.getAnnotation(EventType.class);
		if (type == null || !TYPES.containsKey(type.name())) {
			throw new EventFormatException(eventClass.getName() + " is not a published event");
		}
		return type;
	}

	private static Map<String, Class<?>> registry(Class<?>... hierarchies) {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		for (Class<?> hierarchy : hierarchies) {
			for (Class<?> event : hierarchy.getPermittedSubclasses()) {
				EventType type = event.getAnnotation(EventType.class);
				if (type == null) {
					throw new IllegalStateException(event.getName() + " has no @EventType");
				}
				Class<?> clash = types.putIfAbsent(type.name(), event);
				if (clash != null) {
					throw new IllegalStateException(type.name() + " names both " + clash.getName() + " and " + event);
				}
			}
		}
		return Collections.unmodifiableMap(types);
	}

	private static SimpleModule identifiers() {
		SimpleModule module = new SimpleModule("kedja-identifiers");
		register(module, ParticipantId.class, ParticipantId::of);
		register(module, ProjectId.class, ProjectId::of);
		register(module, SiteId.class, SiteId::of);
		register(module, ActorId.class, ActorId::of);
		register(module, CoachId.class, CoachId::of);
		register(module, TransferId.class, TransferId::of);
		register(module, ActivityId.class, ActivityId::of);
		register(module, EventId.class, EventId::of);
		register(module, MunicipalityCode.class, MunicipalityCode::of);
		return module;
	}

	private static <T> void register(SimpleModule module, Class<T> type, Function<String, T> fromString) {
		module.addSerializer(type, ToStringSerializer.instance);
		module.addDeserializer(type, new ValueDeserializer<T>() {
			@Override
			@SuppressWarnings("unchecked")
			public T deserialize(JsonParser parser, DeserializationContext context) {
				if (!parser.hasToken(JsonToken.VALUE_STRING)) {
					return (T) context.handleUnexpectedToken(type, parser);
				}
				String text = parser.getString();
				try {
					return fromString.apply(text);
				}
				catch (IllegalArgumentException ex) {
					throw context.weirdStringException(text, type, ex.getMessage());
				}
			}
		});
	}

	/** An envelope as it reads off the wire, before its payload is upcast and typed. */
	private record Wire(EventId eventId, String type, int schemaVersion, String streamId, long sequence,
			LocalDate businessDate, Instant recordedAt, String recordedBy, @Nullable UUID commandId,
			@Nullable UUID correlationId, @Nullable String importId, @Nullable String hash,
			@Nullable String previousHash, long globalPosition, JsonNode payload) {
	}

}
