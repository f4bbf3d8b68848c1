package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ActorId;
import se.kedja.events.ParticipantId;

/** Records that consent to share with the named actors is withdrawn. */
public record WithdrawConsent(@TargetAggregateIdentifier ParticipantId participantId, LocalDate withdrawnOn,
		List<ActorId> actors) {
}
