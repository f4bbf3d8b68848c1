package se.kedja.audit.export;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.audit.accesslog.Access;
import se.kedja.audit.accesslog.AccessLog;
import se.kedja.audit.accesslog.Reader;
import se.kedja.audit.history.CaseHistory;
import se.kedja.audit.store.CaseEventStore;
import se.kedja.audit.store.StoredEvent;
import se.kedja.audit.verification.ChainVerification;
import se.kedja.events.ParticipantId;

@RestController
class ExportController {

	private final CaseEventStore store;

	private final CaseHistory history;

	private final AccessLog accessLog;

	private final Clock clock;

	ExportController(CaseEventStore store, CaseHistory history, AccessLog accessLog, Clock clock) {
		this.store = store;
		this.history = history;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@GetMapping(path = "/api/participants/{participantId}/history/export.json",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<HistoryExport> exportJson(@PathVariable ParticipantId participantId, Reader reader) {
		HistoryExport export = export(participantId, reader, "json");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"history-" + participantId + ".json\"")
			.body(export);
	}

	@GetMapping(path = "/api/participants/{participantId}/history/export.html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> exportHtml(@PathVariable ParticipantId participantId, Reader reader,
			@RequestParam(required = false) @Nullable String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		HistoryExport export = export(participantId, reader, "html");
		HtmlLabels labels = HtmlLabels.of(language(lang, acceptLanguage));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(HistoryHtml.render(export, labels));
	}

	private HistoryExport export(ParticipantId participantId, Reader reader, String format) {
		List<StoredEvent> events = store.requireEventsOf(participantId);
		accessLog.recordCaseRead(reader, participantId, Access.EXPORT, format);
		List<ObjectNode> wire = events.stream().map(StoredEvent::wireJson).toList();
		return new HistoryExport(HistoryExport.FORMAT, participantId.toString(),
				clock.instant().truncatedTo(ChronoUnit.SECONDS), reader.user(), reader.purpose(),
				ChainVerification.verify(participantId.toString(), wire), wire,
				history.entries(participantId, events, 0, events.size()));
	}

	private static Locale language(@Nullable String lang, @Nullable String acceptLanguage) {
		String wanted = (lang != null && !lang.isBlank()) ? lang : acceptLanguage;
		if (wanted != null) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(wanted)) {
					if (range.getRange().startsWith("sv")) {
						return HtmlLabels.SWEDISH;
					}
					if (range.getRange().startsWith("en")) {
						return Locale.ENGLISH;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				return Locale.ENGLISH;
			}
		}
		return Locale.ENGLISH;
	}

}
