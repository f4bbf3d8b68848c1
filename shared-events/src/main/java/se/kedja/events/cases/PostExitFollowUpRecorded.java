package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;

/**
 * The participant's situation some days after exit, e.g. the 90-day follow-up
 * (uppföljning efter avslut).
 *
 * @param daysAfterExit which follow-up this is: 90 for the 90-day follow-up
 * @param followedUpOn when the situation was found out; never before exit plus
 * {@code daysAfterExit}
 */
@EventType(name = "post-exit-follow-up-recorded", version = 1)
public record PostExitFollowUpRecorded(ParticipantId participantId, int daysAfterExit, LocalDate followedUpOn,
		ExitOutcome status) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.followedUpOn;
	}

}
