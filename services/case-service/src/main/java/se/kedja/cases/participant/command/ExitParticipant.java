package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.projects.ProjectSettings;

/**
 * Records the exit (avslut). {@code settings} comes from the project read model and
 * decides when post-exit follow-ups fall due.
 */
public record ExitParticipant(@TargetAggregateIdentifier ParticipantId participantId, LocalDate exitedOn,
		ExitReason reason, ExitOutcome outcome, ProjectSettings settings) {
}
