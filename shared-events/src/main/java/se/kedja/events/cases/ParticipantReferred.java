package se.kedja.events.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The participant is referred (remiss) to another actor for a service; responsibility for
 * the case stays where it is.
 *
 * @param consentOverrideReason set when the participant had not consented to sharing with
 * {@code to}, and says why the referral was made anyway
 */
@EventType(name = "participant-referred", version = 1)
public record ParticipantReferred(ParticipantId participantId, LocalDate referredOn, ActorId to,
		ReferralPurpose purpose, @Nullable String consentOverrideReason) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.referredOn;
	}

}
