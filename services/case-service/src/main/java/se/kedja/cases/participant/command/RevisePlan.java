package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;
import se.kedja.events.cases.AccessibilityNeed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlannedActivity;

/** Replaces the plan's goals, planned activities and accessibility needs. */
public record RevisePlan(@TargetAggregateIdentifier ParticipantId participantId, LocalDate revisedOn,
		List<PlanGoal> goals, List<PlannedActivity> plannedActivities, List<AccessibilityNeed> accessibilityNeeds) {
}
