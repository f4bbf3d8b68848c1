package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;

/** Resumes a paused participation. */
public record ResumeParticipation(@TargetAggregateIdentifier ParticipantId participantId, LocalDate resumedOn) {
}
