package se.kedja.cases.participant;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;

import static se.kedja.cases.participant.CaseRuleViolation.refuseIf;

/**
 * Information about a participant goes to another actor only with the participant's
 * consent, or when someone states why it must go without (e.g. a risk to life or health).
 */
final class SharingPolicy {

	private SharingPolicy() {
	}

	static void requireConsentOrReason(Set<ActorId> consented, ActorId to, @Nullable String overrideReason) {
		refuseIf(!consented.contains(to) && (overrideReason == null || overrideReason.isBlank()),
				CaseError.CONSENT_REQUIRED,
				"The participant has not consented to sharing with " + to + ", and no reason is given");
	}

}
