package se.kedja.cases.participant.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.ReferralPurpose;

/**
 * Refers the participant to an actor; without the participant's consent to share with
 * that actor, only with a reason.
 */
public record ReferParticipant(@TargetAggregateIdentifier ParticipantId participantId, LocalDate referredOn, ActorId to,
		ReferralPurpose purpose, @Nullable String consentOverrideReason) {
}
