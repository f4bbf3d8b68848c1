package se.kedja.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import se.kedja.cases.project.query.ProjectCatalog;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.cases.recording.CurrentUser;
import se.kedja.events.ProjectId;
import se.kedja.support.problem.ProblemException;

/**
 * Bulk import of a project's case histories from a file (see docs/import-format.md): 202
 * with the job's address at once, then the job's progress, its report as CSV, and its
 * undoing.
 */
@RestController
@Tag(name = "imports", description = "Bulk import of case histories (CSV, XLSX, NDJSON)")
class ImportController {

	private static final String BASE = "/api/projects/{projectId}/imports";

	private final ImportUploads uploads;

	private final ImportJobs jobs;

	private final ImportStore store;

	private final ProjectCatalog projects;

	private final CurrentUser user;

	private final JsonMapper json;

	ImportController(ImportUploads uploads, ImportJobs jobs, ImportStore store, ProjectCatalog projects,
			CurrentUser user, JsonMapper json) {
		this.uploads = uploads;
		this.jobs = jobs;
		this.store = store;
		this.projects = projects;
		this.user = user;
		this.json = json;
	}

	record Status(String importId, String projectId, String status, boolean dryRun, String format, String fileName,
			long linesRead, long accepted, long rejected, long alreadyImported, double linesPerSecond,
			@Nullable Long secondsLeft, @Nullable String failure, String startedBy, Instant createdAt,
			@Nullable Instant finishedAt, @Nullable Instant revertedAt, @Nullable Integer casesReverted,
			String report) {
	}

	@PostMapping(path = BASE, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a file (multipart field 'file'); 202 with the job's address")
	ResponseEntity<Status> upload(@PathVariable String projectId, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		ProjectView project = project(projectId);
		try (InputStream in = file.getInputStream()) {
			return start(project, this.uploads.receive(in, file.getContentType(), file.getOriginalFilename()), dryRun);
		}
	}

	@PostMapping(path = BASE,
			consumes = { "text/csv", "application/x-ndjson",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Import a file sent as the body; 202 with the job's address")
	ResponseEntity<Status> body(@PathVariable String projectId, @RequestParam(defaultValue = "false") boolean dryRun,
			HttpServletRequest request) throws IOException {
		ProjectView project = project(projectId);
		try (InputStream in = request.getInputStream()) {
			return start(project, this.uploads.receive(in, request.getContentType(), null), dryRun);
		}
	}

	@GetMapping(BASE + "/{importId}")
	@Operation(summary = "The job: lines read, accepted, rejected, lines per second, time left")
	Status status(@PathVariable String projectId, @PathVariable String importId) {
		return view(job(projectId, importId));
	}

	@GetMapping(path = BASE + "/{importId}/report.csv", produces = "text/csv")
	@Operation(summary = "Every line's outcome, with column and reason in Swedish and English")
	ResponseEntity<StreamingResponseBody> report(@PathVariable String projectId, @PathVariable String importId) {
		ImportStore.Job job = job(projectId, importId);
		StreamingResponseBody body = (out) -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			writer.write(ImportStore.Csv.HEADER);
			this.store.writeReport(job.importId(), writer);
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + importId + ".csv\"")
			.body(body);
	}

	@DeleteMapping(BASE + "/{importId}")
	@Operation(summary = "Undo the import: its events are retracted (compensating events), nothing is deleted")
	ResponseEntity<Status> revert(@PathVariable String projectId, @PathVariable String importId) {
		ImportStore.Job job = job(projectId, importId);
		this.jobs.revert(job, this.user.key());
		return ResponseEntity.accepted().body(view(job(projectId, importId)));
	}

	@GetMapping(path = BASE + "/template.csv", produces = "text/csv")
	@Operation(summary = "The CSV template with an example of each documented command")
	ResponseEntity<String> csvTemplate() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kedja-import.csv\"")
			.body(ImportTemplates.csv());
	}

	@GetMapping(path = BASE + "/template.xlsx")
	@Operation(summary = "The same template as a workbook")
	ResponseEntity<byte[]> xlsxTemplate() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ImportFormat.XLSX.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kedja-import.xlsx\"")
			.body(ImportTemplates.xlsx());
	}

	private ResponseEntity<Status> start(ProjectView project, ImportUploads.Received file, boolean dryRun) {
		UUID importId = this.jobs.start(project, file, dryRun, this.user.key(), this.json);
		return ResponseEntity.accepted()
			.location(URI.create("/api/projects/" + project.projectId().value() + "/imports/" + importId))
			.body(view(job(project.projectId().value(), importId.toString())));
	}

	private Status view(ImportStore.Job job) {
		String report = "/api/projects/" + job.projectId() + "/imports/" + job.importId() + "/report.csv";
		return this.jobs.running(job.importId())
			.filter((run) -> !run.status.equals("QUEUED") || job.status().equals("QUEUED"))
			.map((run) -> new Status(job.importId().toString(), job.projectId(), run.status, job.dryRun(), job.format(),
					job.fileName(), run.read.get(), run.accepted.get(), run.rejected.get(), run.already.get(),
					Math.round(run.linesPerSecond() * 10) / 10.0, run.secondsLeft(), null, job.startedBy(),
					job.createdAt(), null, null, null, report))
			.orElseGet(() -> new Status(job.importId().toString(), job.projectId(), job.status(), job.dryRun(),
					job.format(), job.fileName(), job.linesRead(), job.accepted(), job.rejected(),
					job.alreadyImported(), rate(job), null, job.failure(), job.startedBy(), job.createdAt(),
					job.finishedAt(), job.revertedAt(), job.casesReverted(), report));
	}

	private static double rate(ImportStore.Job job) {
		if (job.startedAt() == null || job.finishedAt() == null) {
			return 0;
		}
		double seconds = (job.finishedAt().toEpochMilli() - job.startedAt().toEpochMilli()) / 1000.0;
		return (seconds > 0) ? Math.round(job.linesRead() / seconds * 10) / 10.0 : job.linesRead();
	}

	private ImportStore.Job job(String projectId, String importId) {
		try {
			return this.store.find(projectId, UUID.fromString(importId))
				.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-import", importId));
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-import", importId);
		}
	}

	private ProjectView project(String projectId) {
		try {
			return this.projects.find(ProjectId.of(projectId))
				.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId));
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId);
		}
	}

}
