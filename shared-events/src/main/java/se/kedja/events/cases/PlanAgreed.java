package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The individual plan (individuell handlingsplan) is agreed between the participant, the
 * coach and the actors concerned.
 *
 * @param agreedWith the actors who took part in agreeing it
 */
@EventType(name = "plan-agreed", version = 1)
public record PlanAgreed(ParticipantId participantId, LocalDate agreedOn, List<PlanGoal> goals,
		List<PlannedActivity> plannedActivities, List<AccessibilityNeed> accessibilityNeeds,
		List<ActorId> agreedWith) implements CaseEvent {

	public PlanAgreed {
		goals = List.copyOf(goals);
		plannedActivities = List.copyOf(plannedActivities);
		accessibilityNeeds = List.copyOf(accessibilityNeeds);
		agreedWith = List.copyOf(agreedWith);
	}

	@Override
	public LocalDate businessDate() {
		return this.agreedOn;
	}

}
