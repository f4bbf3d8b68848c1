package se.kedja.audit.history;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.audit.accesslog.Access;
import se.kedja.audit.accesslog.AccessLog;
import se.kedja.audit.accesslog.Reader;
import se.kedja.audit.store.CaseEventStore;
import se.kedja.audit.store.StoredEvent;
import se.kedja.events.ParticipantId;

@RestController
class HistoryController {

	private static final int MAX_PAGE_SIZE = 500;

	private final CaseEventStore store;

	private final CaseHistory history;

	private final AccessLog accessLog;

	HistoryController(CaseEventStore store, CaseHistory history, AccessLog accessLog) {
		this.store = store;
		this.history = history;
		this.accessLog = accessLog;
	}

	@GetMapping("/api/participants/{participantId}/history")
	HistoryPage history(@PathVariable ParticipantId participantId, Reader reader,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
		int pageNumber = Math.max(page, 0);
		List<StoredEvent> events = store.requireEventsOf(participantId);
		accessLog.recordCaseRead(reader, participantId, Access.HISTORY, "page " + pageNumber + " size " + pageSize);
		int from = (int) Math.min((long) pageNumber * pageSize, events.size());
		return new HistoryPage(participantId.toString(), pageNumber, pageSize, events.size(),
				history.entries(participantId, events, from, from + pageSize));
	}

	record HistoryPage(String participantId, int page, int size, int totalEvents, List<HistoryEntry> events) {
	}

}
