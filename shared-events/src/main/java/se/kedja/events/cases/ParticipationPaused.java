package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/** Participation is paused (uppehåll) without the participant leaving the project. */
@EventType(name = "participation-paused", version = 1)
public record ParticipationPaused(ParticipantId participantId, LocalDate pausedOn,
		PauseReason reason) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.pausedOn;
	}

}
