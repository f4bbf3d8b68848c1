package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * A follow-up (uppföljning) of the plan with the participant.
 *
 * @param progress progress per goal of the current plan
 * @param accessibilityReviewed the plan's accessibility needs and adaptations were
 * reviewed
 * @param ownAssessment the participant's own view
 */
@EventType(name = "follow-up-held", version = 1)
public record FollowUpHeld(ParticipantId participantId, LocalDate heldOn, List<GoalProgress> progress,
		boolean accessibilityReviewed, OwnAssessment ownAssessment) implements CaseEvent {

	public FollowUpHeld {
		progress = List.copyOf(progress);
	}

	@Override
	public LocalDate businessDate() {
		return this.heldOn;
	}

}
