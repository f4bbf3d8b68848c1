package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * No plan was agreed by the day it was due (the project's plan-due days after enrolment).
 * Is recorded by the system, the day after {@code dueOn}.
 */
@EventType(name = "plan-deadline-missed", version = 1)
public record PlanDeadlineMissed(ParticipantId participantId, LocalDate dueOn) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.dueOn;
	}

}
