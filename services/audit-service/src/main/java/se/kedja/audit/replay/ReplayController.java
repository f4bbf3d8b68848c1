package se.kedja.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.audit.accesslog.Access;
import se.kedja.audit.accesslog.AccessLog;
import se.kedja.audit.accesslog.Reader;
import se.kedja.audit.store.CaseEventStore;
import se.kedja.audit.store.RecordedEvent;
import se.kedja.events.ParticipantId;
import se.kedja.support.problem.ProblemException;

@RestController
class ReplayController {

	private final CaseEventStore store;

	private final AccessLog accessLog;

	ReplayController(CaseEventStore store, AccessLog accessLog) {
		this.store = store;
		this.accessLog = accessLog;
	}

	@GetMapping("/api/participants/{participantId}/state")
	ReplayedState state(@PathVariable ParticipantId participantId, Reader reader,
			@RequestParam(required = false) @Nullable Instant asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate businessDate) {
		if (asOf != null && businessDate != null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "replay-mode-conflict");
		}
		// the entry's commit (a disk flush) runs while the rows are read and folded; a
		// case
		// found unknown still has its attempted read logged
		return accessLog.recordCaseRead(reader, participantId, Access.STATE,
				"asOf=" + asOf + " businessDate=" + businessDate,
				() -> replay(participantId, store.requireRecordedOf(participantId), asOf, businessDate));
	}

	private static ReplayedState replay(ParticipantId participantId, List<RecordedEvent> events, @Nullable Instant asOf,
			@Nullable LocalDate businessDate) {
		if (asOf != null) {
			return ReplayedState.of("as-recorded-by", asOf, null, CaseReplay.asRecordedBy(participantId, events, asOf));
		}
		if (businessDate != null) {
			return ReplayedState.of("as-on-business-date", null, businessDate,
					CaseReplay.asOnBusinessDate(participantId, events, businessDate));
		}
		return ReplayedState.of("current", null, null, CaseReplay.current(participantId, events));
	}

	record ReplayedState(String mode, @Nullable Instant asOf, @Nullable LocalDate businessDate, String participantId,
			String status, int correctionsApplied, SortedMap<String, String> fields) {

		static ReplayedState of(String mode, @Nullable Instant asOf, @Nullable LocalDate businessDate,
				CaseState state) {
			return new ReplayedState(mode, asOf, businessDate, state.participantId().toString(), state.status().name(),
					state.correctionsApplied(), state.fields());
		}

	}

}
