package se.kedja.audit.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.kedja.audit.history.HistoryEntry.Change;
import se.kedja.audit.replay.CaseReplay;
import se.kedja.audit.store.RecordedEvent;
import se.kedja.audit.store.StoredEvent;
import se.kedja.events.EventEnvelope;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.json.EventJson;

/**
 * A case's events in order, each correction shown with what it changed: the fields of the
 * event it corrects (as recorded → as corrected) and the case as replayed just before and
 * just after it.
 */
@Component
public class CaseHistory {

	private final EventJson json;

	CaseHistory(EventJson json) {
		this.json = json;
	}

	/**
	 * Entries {@code from} (inclusive) to {@code to} (exclusive) of the case's full
	 * history.
	 */
	public List<HistoryEntry> entries(ParticipantId participant, List<StoredEvent> events, int from, int to) {
		List<EventEnvelope<CaseEvent>> envelopes = events.stream().map((event) -> event.envelope(json)).toList();
		List<HistoryEntry> entries = new ArrayList<>();
		for (int i = Math.max(from, 0); i < Math.min(to, events.size()); i++) {
			StoredEvent event = events.get(i);
			HistoryEntry.Correction correction = null;
			if (envelopes.get(i).payload() instanceof CorrectionRecorded recorded) {
				correction = correction(participant, recorded, envelopes, i);
			}
			entries.add(new HistoryEntry(event.sequence(), event.eventId().toString(), event.type(),
					event.schemaVersion(), event.businessDate(), event.recordedAt(), event.recordedBy(),
					event.importId(), event.hash(), event.previousHash(), event.payload(), correction));
		}
		return entries;
	}

	private HistoryEntry.Correction correction(ParticipantId participant, CorrectionRecorded recorded,
			List<EventEnvelope<CaseEvent>> envelopes, int index) {
		SortedMap<String, String> before = CaseReplay.current(participant, recorded(envelopes.subList(0, index)))
			.fields();
		SortedMap<String, String> after = CaseReplay.current(participant, recorded(envelopes.subList(0, index + 1)))
			.fields();
		List<Change> caseChanges = diff(before, after);
		List<Change> eventChanges = new ArrayList<>();
		envelopes.subList(0, index)
			.stream()
			.filter((envelope) -> envelope.eventId().equals(recorded.corrects()))
			.findFirst()
			.ifPresent((original) -> {
				JsonNode fields = json.mapper().valueToTree(original.payload());
				recorded.correctedValues()
					.forEach((field, value) -> eventChanges.add(new Change(field, text(fields.get(field)), value)));
			});
		return new HistoryEntry.Correction(recorded.corrects().toString(), recorded.correctedType(), recorded.reason(),
				eventChanges, caseChanges);
	}

	private static List<RecordedEvent> recorded(List<EventEnvelope<CaseEvent>> envelopes) {
		return envelopes.stream().map(RecordedEvent::of).toList();
	}

	private static List<Change> diff(Map<String, String> before, Map<String, String> after) {
		TreeSet<String> names = new TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		for (String name : names) {
			String from = before.getOrDefault(name, "");
			String to = after.getOrDefault(name, "");
			if (!Objects.equals(from, to)) {
				changes.add(new Change(name, from, to));
			}
		}
		return changes;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return "";
		}
		return node.isString() ? node.asString() : node.toString();
	}

}
