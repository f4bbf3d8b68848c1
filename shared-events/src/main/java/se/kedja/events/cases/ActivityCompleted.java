package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.ActivityId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * An activity ends.
 *
 * @param asPlanned false when it was broken off (avbruten)
 */
@EventType(name = "activity-completed", version = 1)
public record ActivityCompleted(ParticipantId participantId, ActivityId activityId, LocalDate completedOn,
		boolean asPlanned) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.completedOn;
	}

}
