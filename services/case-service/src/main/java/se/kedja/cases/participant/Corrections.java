package se.kedja.cases.participant;

import java.util.Arrays;

import se.kedja.events.EventType;
import se.kedja.events.cases.CaseEvent;

/** What a correction may change: any field an event records, except whose case it is. */
final class Corrections {

	private Corrections() {
	}

	static boolean isCorrectable(Class<? extends CaseEvent> event, String field) {
		return !field.equals("participantId") && Arrays.stream(event.getRecordComponents())
			.anyMatch((component) -> component.getName().equals(field));
	}

	static String typeName(Class<? extends CaseEvent> event) {
		return event.getAnnotation(EventType.class).name();
	}

}
