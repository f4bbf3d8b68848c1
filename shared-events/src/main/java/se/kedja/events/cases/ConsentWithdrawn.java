package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/** The participant withdraws consent to sharing with the named actors. */
@EventType(name = "consent-withdrawn", version = 1)
public record ConsentWithdrawn(ParticipantId participantId, LocalDate withdrawnOn,
		List<ActorId> actors) implements CaseEvent {

	public ConsentWithdrawn {
		actors = List.copyOf(actors);
	}

	@Override
	public LocalDate businessDate() {
		return this.withdrawnOn;
	}

}
