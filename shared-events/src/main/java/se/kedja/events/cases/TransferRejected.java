package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;

/** The receiving actor declines the handover; {@code from} remains responsible. */
@EventType(name = "transfer-rejected", version = 1)
public record TransferRejected(ParticipantId participantId, TransferId transferId, LocalDate rejectedOn, ActorId from,
		ActorId to, TransferRejectionReason reason) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.rejectedOn;
	}

}
