package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;
import se.kedja.events.cases.PauseReason;

/** Pauses participation. */
public record PauseParticipation(@TargetAggregateIdentifier ParticipantId participantId, LocalDate pausedOn,
		PauseReason reason) {
}
