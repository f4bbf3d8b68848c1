package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;

/** The receiving actor takes over responsibility. */
public record AcceptTransfer(@TargetAggregateIdentifier ParticipantId participantId, TransferId transferId,
		LocalDate acceptedOn) {
}
