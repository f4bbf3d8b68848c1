package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * The person's personal data was erased (GDPR): case-service destroyed the key that
 * encrypted it. The case's events stay, anonymous; nothing more can be recorded in it.
 */
@EventType(name = "personal-data-erased", version = 1)
public record PersonalDataErased(ParticipantId participantId, LocalDate erasedOn) implements CaseEvent {

	@Override
	public LocalDate businessDate() {
		return this.erasedOn;
	}

}
