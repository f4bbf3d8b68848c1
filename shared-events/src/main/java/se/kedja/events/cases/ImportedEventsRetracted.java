package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import se.kedja.events.EventId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * Events a bulk import recorded in this case were retracted (återkallade) because the
 * import was undone. Nothing is deleted: readers fold the case as if the retracted events
 * had never been recorded. When the enrolment is among them the case itself no longer
 * counts.
 *
 * @param importId the import whose events are retracted
 * @param retracted the case's events recorded by that import
 * @param reason why, in a few words for the auditor
 * @param retractedOn when the import was undone
 */
@EventType(name = "imported-events-retracted", version = 1)
public record ImportedEventsRetracted(ParticipantId participantId, String importId, List<EventId> retracted,
		String reason, LocalDate retractedOn) implements CaseEvent {

	public ImportedEventsRetracted {
		retracted = List.copyOf(retracted);
	}

	@Override
	public LocalDate businessDate() {
		return this.retractedOn;
	}

}
