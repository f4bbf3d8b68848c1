package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;

/** Records the participant's situation {@code daysAfterExit} days after exit. */
public record RecordPostExitFollowUp(@TargetAggregateIdentifier ParticipantId participantId, int daysAfterExit,
		LocalDate followedUpOn, ExitOutcome status) {
}
