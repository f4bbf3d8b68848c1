package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;

/** The receiving actor accepts the handover: from this date {@code to} is responsible. */
@EventType(name = "transfer-accepted", version = 1)
public record TransferAccepted(ParticipantId participantId, TransferId transferId, LocalDate acceptedOn, ActorId from,
		ActorId to) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.acceptedOn;
	}

}
