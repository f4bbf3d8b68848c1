package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/** Participation resumes after a pause. */
@EventType(name = "participation-resumed", version = 1)
public record ParticipationResumed(ParticipantId participantId, LocalDate resumedOn) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.resumedOn;
	}

}
