package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The follow-up {@code daysAfterExit} after exit was not recorded within its window: from
 * {@code dueOn} (exit plus the days) to {@code lastDay}. Recorded by the system the day
 * after.
 */
@EventType(name = "post-exit-follow-up-deadline-missed", version = 1)
public record PostExitFollowUpDeadlineMissed(ParticipantId participantId, int daysAfterExit, LocalDate dueOn,
		LocalDate lastDay) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.lastDay;
	}

}
