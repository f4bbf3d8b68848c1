package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;
import se.kedja.events.cases.GoalProgress;
import se.kedja.events.cases.OwnAssessment;

/** Records a follow-up (uppföljning) of the plan. */
public record HoldFollowUp(@TargetAggregateIdentifier ParticipantId participantId, LocalDate heldOn,
		List<GoalProgress> progress, boolean accessibilityReviewed, OwnAssessment ownAssessment) {
}
