package se.kedja.events;

import java.util.List;

import se.kedja.events.cases.CaseEvent;
import se.kedja.events.projects.ProjectEvent;

/** The Kafka topics Kedja publishes, and what travels on them. */
public final class Topics {

	/** Every case event, keyed by the participant's UUID so a case stays in order. */
	public static final Topic<String, EventEnvelope<CaseEvent>> CASE_EVENTS = new Topic<>("kedja.case-events",
			String.class, envelopeOf(), 12);

	/** Every project event, keyed by the project id. */
	public static final Topic<String, EventEnvelope<ProjectEvent>> PROJECT_EVENTS = new Topic<>("kedja.project-events",
			String.class, envelopeOf(), 3);

	/** Case events a consumer could not handle, as the bytes it received. */
	public static final Topic<String, byte[]> CASE_EVENTS_DLT = new Topic<>("kedja.case-events.dlt", String.class,
			byte[].class, 3);

	private Topics() {
	}

	public static List<Topic<?, ?>> all() {
		return List.of(CASE_EVENTS, PROJECT_EVENTS, CASE_EVENTS_DLT);
	}

	@SuppressWarnings("unchecked")
	private static <E> Class<EventEnvelope<E>> envelopeOf() {
		return (Class<EventEnvelope<E>>) (Class<?>) EventEnvelope.class;
	}

}
