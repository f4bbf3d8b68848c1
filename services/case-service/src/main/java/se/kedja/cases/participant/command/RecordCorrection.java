package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;

/** Corrects fields of an earlier event of the case, saying why. */
public record RecordCorrection(@TargetAggregateIdentifier ParticipantId participantId, EventId corrects,
		Map<String, String> correctedValues, LocalDate correctedOn, String reason) {
}
