package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The participant answers a survey question, e.g. "my chances of getting work have
 * increased".
 *
 * @param questionKey the question, as the project's survey defines it
 * @param answer the answer's code from that question's scale (e.g. {@code agree}), never
 * free text
 */
@EventType(name = "survey-answered", version = 1)
public record SurveyAnswered(ParticipantId participantId, LocalDate answeredOn, String questionKey,
		String answer) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.answeredOn;
	}

}
