package se.kedja.progress.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.progress.projects.ProgressQueries;
import se.kedja.progress.projects.ProjectProgress;
import se.kedja.progress.reports.RecordedParticipants;
import se.kedja.support.problem.ProblemException;

/**
 * Exports of goal progress as it stood by the end of a day (default today): the figures
 * are those of {@code GET /progress?asOf=}, the participants folded from the same
 * recorded events.
 */
@RestController
class ExportsController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ProgressQueries queries;

	private final RecordedParticipants participants;

	private final Clock clock;

	ExportsController(ProgressQueries queries, RecordedParticipants participants, Clock clock) {
		this.queries = queries;
		this.participants = participants;
		this.clock = clock;
	}

	@GetMapping("/api/projects/{projectId}/progress/export.csv")
	@Operation(summary = "Goals and their breakdowns as of a day, as CSV (semicolon, UTF-8, decimal comma)")
	ResponseEntity<byte[]> csv(@PathVariable String projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		ProgressExport export = export(projectId, asOf);
		return file(ProgressCsv.write(export), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				projectId, export, "csv");
	}

	@GetMapping("/api/projects/{projectId}/progress/export.xlsx")
	@Operation(summary = "Workbook as of a day: goals, breakdowns by gender and the other dimensions, and "
			+ "participants (pseudonymous) with the funder's attributes")
	ResponseEntity<byte[]> xlsx(@PathVariable String projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		ProgressExport export = export(projectId, asOf);
		return file(ProgressWorkbook.write(export), XLSX, projectId, export, "xlsx");
	}

	@GetMapping("/api/projects/{projectId}/progress/summary.html")
	@Operation(summary = "A printable summary page for a steering group, in Swedish or English")
	ResponseEntity<byte[]> summary(@PathVariable String projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(defaultValue = "sv") String lang) {
		if (!lang.equals("sv") && !lang.equals("en")) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-lang", lang);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
			.body(SummaryPage.render(export(projectId, asOf), lang));
	}

	private ProgressExport export(String projectId, @Nullable LocalDate asOf) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		ProjectProgress progress = this.queries.asOf(projectId, day);
		Instant endOfDay = day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		return new ProgressExport(progress, this.participants.knownBefore(projectId, endOfDay));
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String projectId, ProgressExport export,
			String extension) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + projectId.replaceAll("[^a-z0-9-]", "_") + "-progress-"
							+ export.progress().asOf() + "." + extension + "\"")
			.body(content);
	}

}
