package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;

/** Records an answer to a survey question. */
public record AnswerSurvey(@TargetAggregateIdentifier ParticipantId participantId, LocalDate answeredOn,
		String questionKey, String answer) {
}
