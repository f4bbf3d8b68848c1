package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import se.kedja.events.EventId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * A correction (rättelse) of an earlier event of the same case. Nothing is overwritten:
 * readers apply the corrected values over the original event.
 *
 * @param corrects the event being corrected
 * @param correctedType that event's type, e.g. {@code participant-exited}
 * @param correctedValues new values by field name, in the field's JSON form (e.g.
 * {@code exitedOn -> 2011-03-01}, {@code outcome -> EMPLOYMENT})
 * @param correctedOn when the mistake was corrected
 * @param reason why, in a few words for the auditor
 */
@EventType(name = "correction-recorded", version = 1)
public record CorrectionRecorded(ParticipantId participantId, EventId corrects, String correctedType,
		Map<String, String> correctedValues, LocalDate correctedOn, String reason) implements CaseEvent {

	public CorrectionRecorded {
		correctedValues = Collections.unmodifiableSortedMap(new TreeMap<>(correctedValues));
	}

	@Override
	public LocalDate businessDate() {
		return this.correctedOn;
	}

}
