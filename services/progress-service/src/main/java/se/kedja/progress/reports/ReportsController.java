package se.kedja.progress.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.progress.reports.MonthlyReports.MonthDifferences;
import se.kedja.progress.reports.MonthlyReports.ReportOverview;
import se.kedja.support.problem.ProblemException;

@RestController
class ReportsController {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final MonthlyReports reports;

	private final FunderFiles funderFiles;

	ReportsController(MonthlyReports reports, FunderFiles funderFiles) {
		this.reports = reports;
		this.funderFiles = funderFiles;
	}

	@GetMapping("/api/projects/{projectId}/reports/monthly")
	@Operation(summary = "Every monthly report produced, the months that must be re-sent and the next month due")
	ReportOverview overview(@PathVariable String projectId) {
		return this.reports.overview(projectId);
	}

	@PostMapping("/api/projects/{projectId}/reports/monthly/{month}")
	@Operation(summary = "Produce and keep the month's participant report (pseudonymous), from what was recorded "
			+ "before cutOff (default now); only the month due next may be produced")
	ResponseEntity<StoredReport.Summary> produce(@PathVariable String projectId, @PathVariable String month,
			@RequestParam(required = false) @Nullable String cutOff, HttpServletRequest request) {
		StoredReport report = this.reports.produce(projectId, month(month), instant(cutOff), Caller.of(request).user());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION,
					"/api/projects/" + projectId + "/reports/monthly/" + month + "?version=" + report.version())
			.body(report.summary());
	}

	@GetMapping(path = "/api/projects/{projectId}/reports/monthly/{month}")
	@Operation(summary = "The report as it was produced and sent, byte for byte (latest version, or ?version=)")
	ResponseEntity<byte[]> asReported(@PathVariable String projectId, @PathVariable String month,
			@RequestParam(required = false) @Nullable Integer version) {
		StoredReport report = this.reports.asReported(projectId, month(month), version);
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.ETAG, "\"" + report.sha256() + "\"")
			.header("X-Kedja-Report-Id", report.reportId().toString())
			.header("X-Kedja-Report-Version", Integer.toString(report.version()))
			.header("X-Kedja-Cut-Off", report.cutOff().toString())
			.header("X-Kedja-Produced-By", report.producedBy())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(projectId, month, "rapporterad"))
			.body(report.content());
	}

	@GetMapping("/api/projects/{projectId}/reports/monthly/{month}/corrected")
	@Operation(summary = "The month recomputed from every event known now, corrections applied")
	ResponseEntity<byte[]> asCorrected(@PathVariable String projectId, @PathVariable String month) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(projectId, month, "rattad"))
			.body(this.reports.asCorrected(projectId, month(month)));
	}

	@GetMapping("/api/projects/{projectId}/reports/monthly/{month}/differences")
	@Operation(summary = "Per participant and field: the report as sent against the month as corrected now, "
			+ "and the months that must be re-sent")
	MonthDifferences differences(@PathVariable String projectId, @PathVariable String month) {
		return this.reports.differences(projectId, month(month));
	}

	@PostMapping("/api/projects/{projectId}/reports/monthly/{month}/funder-file")
	@Operation(summary = "The stored report with personal identity numbers, resolved by case-service for the "
			+ "caller (role and purpose required there; every resolution is logged there)")
	ResponseEntity<byte[]> funderFile(@PathVariable String projectId, @PathVariable String month,
			@RequestParam String purpose, @RequestParam(required = false) @Nullable Integer version,
			HttpServletRequest request) {
		byte[] file = this.funderFiles.build(projectId, month(month), version, purpose, Caller.of(request));
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(projectId, month, "scb"))
			.body(file);
	}

	static YearMonth month(String text) {
		if (!text.matches("\\d{4}-\\d{2}")) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-month", text);
		}
		try {
			return YearMonth.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-month", text);
		}
	}

	static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			// an unencoded '+' of the offset arrives as a space
			return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-cut-off", text);
		}
	}

	private static String attachment(String projectId, String month, String kind) {
		return "attachment; filename=\"" + projectId.replaceAll("[^a-z0-9-]", "_") + "-" + month + "-" + kind
				+ ".csv\"";
	}

}
