package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;

/** Exit (avslut, utsluss) from the project, with why and where to. A case exits once. */
@EventType(name = "participant-exited", version = 1)
public record ParticipantExited(ParticipantId participantId, LocalDate exitedOn, ExitReason reason,
		ExitOutcome outcome) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.exitedOn;
	}

}
