package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ActivityId;
import se.kedja.events.ParticipantId;

/** Ends a started activity, as planned or broken off. */
public record CompleteActivity(@TargetAggregateIdentifier ParticipantId participantId, ActivityId activityId,
		LocalDate completedOn, boolean asPlanned) {
}
