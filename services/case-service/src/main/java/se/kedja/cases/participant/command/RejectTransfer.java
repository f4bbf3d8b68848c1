package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;
import se.kedja.events.cases.TransferRejectionReason;

/** The receiving actor declines the handover. */
public record RejectTransfer(@TargetAggregateIdentifier ParticipantId participantId, TransferId transferId,
		LocalDate rejectedOn, TransferRejectionReason reason) {
}
