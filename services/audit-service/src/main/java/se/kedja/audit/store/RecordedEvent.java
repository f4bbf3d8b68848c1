package se.kedja.audit.store;

import java.time.Instant;

import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.cases.CaseEvent;

/**
 * A stored event as a replay reads it: which event, when it was recorded and what it
 * says; the rest of the envelope plays no part in the fold.
 */
public record RecordedEvent(EventId eventId, Instant recordedAt, CaseEvent payload) {

	public static RecordedEvent of(EventEnvelope<CaseEvent> envelope) {
		return new RecordedEvent(envelope.eventId(), envelope.recordedAt(), envelope.payload());
	}

}
