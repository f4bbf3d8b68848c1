package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The participant consents (samtycker) to information being shared with the named actors.
 */
@EventType(name = "consent-given", version = 1)
public record ConsentGiven(ParticipantId participantId, LocalDate givenOn, List<ActorId> actors) implements CaseEvent {

	public ConsentGiven {
		actors = List.copyOf(actors);
	}

	@Override
	public LocalDate businessDate() {
		return this.givenOn;
	}

}
