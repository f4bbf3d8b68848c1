package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ActorId;
import se.kedja.events.ParticipantId;

/** Records consent to share with the named actors. */
public record GiveConsent(@TargetAggregateIdentifier ParticipantId participantId, LocalDate givenOn,
		List<ActorId> actors) {
}
