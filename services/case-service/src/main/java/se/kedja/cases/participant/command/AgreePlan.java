package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ActorId;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.AccessibilityNeed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlannedActivity;

/** Records the agreed individual plan (handlingsplan). */
public record AgreePlan(@TargetAggregateIdentifier ParticipantId participantId, LocalDate agreedOn,
		List<PlanGoal> goals, List<PlannedActivity> plannedActivities, List<AccessibilityNeed> accessibilityNeeds,
		List<ActorId> agreedWith) {
}
