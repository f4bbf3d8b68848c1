package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ParticipantId;

/**
 * Records that the person's personal data was erased; sent by case-service once the key
 * is destroyed.
 */
public record ErasePersonalData(@TargetAggregateIdentifier ParticipantId participantId, LocalDate erasedOn) {
}
