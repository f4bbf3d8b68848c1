package se.kedja.audit.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read what: itself a read of personal data, so it is logged like any other. */
@RestController
@RequestMapping("/api/access-log")
class AccessLogController {

	private static final int MAX_PAGE_SIZE = 1000;

	private static final int CSV_LIMIT = 100_000;

	private final AccessLog accessLog;

	AccessLogController(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@GetMapping
	AccessLogPage list(Reader reader, @RequestParam(required = false) @Nullable UUID participant,
			@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		AccessLogFilter filter = new AccessLogFilter(participant, user, from, to);
		int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
		int pageNumber = Math.max(page, 0);
		List<AccessLogEntry> entries = accessLog.find(filter, pageNumber * pageSize, pageSize);
		logRead(reader, filter, "list");
		return new AccessLogPage(pageNumber, pageSize, entries);
	}

	@GetMapping(path = "/export.csv", produces = "text/csv")
	ResponseEntity<String> exportCsv(Reader reader, @RequestParam(required = false) @Nullable UUID participant,
			@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to) {
		AccessLogFilter filter = new AccessLogFilter(participant, user, from, to);
		List<AccessLogEntry> entries = accessLog.find(filter, 0, CSV_LIMIT);
		logRead(reader, filter, "csv");
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-log.csv\"")
			.body(AccessLogCsv.of(entries));
	}

	@GetMapping("/verification")
	AccessLogVerification verify(Reader reader) {
		AccessLogEntry broken = accessLog.firstBroken();
		long size = accessLog.size();
		accessLog.recordRead(reader, Access.ACCESS_LOG, "verification");
		return new AccessLogVerification(broken == null, size, (broken != null) ? broken.position() : null);
	}

	private void logRead(Reader reader, AccessLogFilter filter, String how) {
		if (filter.participant() != null) {
			accessLog.recordCaseRead(reader, new se.kedja.events.ParticipantId(filter.participant()), Access.ACCESS_LOG,
					how + " " + filter.describe());
		}
		else {
			accessLog.recordRead(reader, Access.ACCESS_LOG, how + " " + filter.describe());
		}
	}

	record AccessLogPage(int page, int size, List<AccessLogEntry> entries) {
	}

	record AccessLogVerification(boolean intact, long entries, @Nullable Long firstBrokenPosition) {
	}

}
