package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;

/** Retracts the events a bulk import recorded in the case, when the import is undone. */
public record RetractImportedEvents(@TargetAggregateIdentifier ParticipantId participantId, String importId,
		List<EventId> events, String reason, LocalDate retractedOn) {
}
