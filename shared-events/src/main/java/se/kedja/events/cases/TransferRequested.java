package se.kedja.events.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;

/**
 * A handover (överlämning) of responsibility is requested. Until it is accepted,
 * {@code from} stays responsible.
 *
 * @param consentOverrideReason set when the participant had not consented to sharing with
 * {@code to}, and says why
 */
@EventType(name = "transfer-requested", version = 1)
public record TransferRequested(ParticipantId participantId, TransferId transferId, LocalDate requestedOn, ActorId from,
		ActorId to, @Nullable String consentOverrideReason) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.requestedOn;
	}

}
