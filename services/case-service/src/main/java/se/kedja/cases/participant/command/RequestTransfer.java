package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;

/** Asks another actor to take over responsibility; the sender picks the transfer id. */
public record RequestTransfer(@TargetAggregateIdentifier ParticipantId participantId, TransferId transferId,
		LocalDate requestedOn, ActorId to, @Nullable String consentOverrideReason) {
}
