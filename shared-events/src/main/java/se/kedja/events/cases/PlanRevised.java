package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The individual plan is revised (revideras); the lists replace the plan's previous ones.
 */
@EventType(name = "plan-revised", version = 1)
public record PlanRevised(ParticipantId participantId, LocalDate revisedOn, List<PlanGoal> goals,
		List<PlannedActivity> plannedActivities, List<AccessibilityNeed> accessibilityNeeds) implements CaseEvent {

	public PlanRevised {
		goals = List.copyOf(goals);
		plannedActivities = List.copyOf(plannedActivities);
		accessibilityNeeds = List.copyOf(accessibilityNeeds);
	}

	@Override
	public LocalDate businessDate() {
		return this.revisedOn;
	}

}
