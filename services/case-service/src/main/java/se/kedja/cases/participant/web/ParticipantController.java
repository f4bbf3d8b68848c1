package se.kedja.cases.participant.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.cases.participant.command.ErasePersonalData;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.cases.project.query.ProjectCatalog;
import se.kedja.events.ActivityId;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.TransferId;
import se.kedja.events.projects.ProjectSettings;
import se.kedja.support.problem.ProblemException;

/**
 * The coach's API on cases. Every write takes {@code If-Match} (or
 * {@code expectedVersion}) for optimistic concurrency and {@code Idempotency-Key} for
 * safe retries, and answers with the case's new {@code version} (also as {@code ETag}).
 */
@RestController
@Tag(name = "participants", description = "Participants' cases (coaches)")
class ParticipantController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Enrolments enrolments;

	private final CaseWrites writes;

	private final IdempotentRequests idempotent;

	private final CaseQueries queries;

	private final PersonalDataStore personalData;

	private final ProjectCatalog projects;

	private final Clock clock;

	ParticipantController(Enrolments enrolments, CaseWrites writes, IdempotentRequests idempotent, CaseQueries queries,
			PersonalDataStore personalData, ProjectCatalog projects, Clock clock) {
		this.enrolments = enrolments;
		this.writes = writes;
		this.idempotent = idempotent;
		this.queries = queries;
		this.personalData = personalData;
		this.projects = projects;
		this.clock = clock;
	}

	record Written(String participantId, long version) {
	}

	@PostMapping("/api/projects/{projectId}/participants")
	@Operation(summary = "Enrol a participant (inskrivning); 201 with Location")
	ResponseEntity<?> enrol(@PathVariable String projectId, @Valid @RequestBody CaseRequests.Enrol body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		return this.idempotent.run(key, "POST", request.getRequestURI(), body, () -> {
			ParticipantId participant = this.enrolments.enrol(projectId, body);
			long version = this.writes.version(participant).orElse(0L);
			return ResponseEntity.created(URI.create("/api/participants/" + participant))
				.eTag(Long.toString(version))
				.body(new Written(participant.toString(), version));
		});
	}

	@GetMapping("/api/participants/{id}")
	@Operation(summary = "The case as it stands, with its version")
	ResponseEntity<CaseQueries.CaseView> get(@PathVariable String id) {
		CaseQueries.CaseView view = this.queries.find(CaseWrites.participantId(id))
			.orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND,
					"unknown-participant", id));
		return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
	}

	@GetMapping("/api/projects/{projectId}/participants")
	@Operation(summary = "A caseload: the project's cases, filtered by coach, site and status, paged")
	CaseQueries.Page caseload(@PathVariable String projectId, @RequestParam(required = false) @Nullable String coach,
			@RequestParam(required = false) @Nullable String site,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		ProjectId project = project(projectId);
		if (this.projects.find(project).isEmpty()) {
			throw new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-project", projectId);
		}
		if (page < 0 || size < 1 || size > 500) {
			throw Enrolments.invalid("size", "out-of-range", "page must be >= 0 and size 1 to 500");
		}
		return this.queries.caseload(project, coach, site, status, page, size);
	}

	@PostMapping("/api/participants/{id}/plan")
	@Operation(summary = "Agree the individual plan (handlingsplan), or revise it with revision=true")
	ResponseEntity<?> plan(@PathVariable String id, @Valid @RequestBody CaseRequests.Plan body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.plan(p, body));
	}

	@PostMapping("/api/participants/{id}/activities")
	@Operation(summary = "Start an activity")
	ResponseEntity<?> activity(@PathVariable String id, @Valid @RequestBody CaseRequests.Activity body,
			@Parameter(hidden = true) Write write) {
		ActivityId activity = new ActivityId((body.activityId() != null) ? body.activityId() : UUID.randomUUID());
		return write.send(id, body, (p) -> CaseCommands.activity(p, activity, body));
	}

	@PostMapping("/api/participants/{id}/activities/{activityId}/completion")
	@Operation(summary = "Complete an activity")
	ResponseEntity<?> activityCompletion(@PathVariable String id, @PathVariable UUID activityId,
			@Valid @RequestBody CaseRequests.ActivityCompletion body, @Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.activityCompletion(p, new ActivityId(activityId), body));
	}

	@PostMapping("/api/participants/{id}/follow-ups")
	@Operation(summary = "Record a follow-up (uppföljning)")
	ResponseEntity<?> followUp(@PathVariable String id, @Valid @RequestBody CaseRequests.FollowUp body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.followUp(p, body));
	}

	@PostMapping("/api/participants/{id}/referrals")
	@Operation(summary = "Refer the participant to another actor")
	ResponseEntity<?> referral(@PathVariable String id, @Valid @RequestBody CaseRequests.Referral body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.referral(p, body));
	}

	@PostMapping("/api/participants/{id}/transfers")
	@Operation(summary = "Request a handover of responsibility to another actor")
	ResponseEntity<?> transfer(@PathVariable String id, @Valid @RequestBody CaseRequests.Transfer body,
			@Parameter(hidden = true) Write write) {
		TransferId transfer = new TransferId((body.transferId() != null) ? body.transferId() : UUID.randomUUID());
		return write.send(id, body, (p) -> CaseCommands.transfer(p, transfer, body));
	}

	@PostMapping("/api/participants/{id}/transfers/{transferId}/acceptance")
	@Operation(summary = "The receiving actor accepts the handover")
	ResponseEntity<?> transferAcceptance(@PathVariable String id, @PathVariable UUID transferId,
			@Valid @RequestBody CaseRequests.TransferAcceptance body, @Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.transferAcceptance(p, new TransferId(transferId), body));
	}

	@PostMapping("/api/participants/{id}/transfers/{transferId}/rejection")
	@Operation(summary = "The receiving actor rejects the handover")
	ResponseEntity<?> transferRejection(@PathVariable String id, @PathVariable UUID transferId,
			@Valid @RequestBody CaseRequests.TransferRejection body, @Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.transferRejection(p, new TransferId(transferId), body));
	}

	@PostMapping("/api/participants/{id}/consents")
	@Operation(summary = "The participant consents to sharing with actors")
	ResponseEntity<?> consent(@PathVariable String id, @Valid @RequestBody CaseRequests.Consent body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.consent(p, body));
	}

	@PostMapping("/api/participants/{id}/consents/withdrawal")
	@Operation(summary = "The participant withdraws consent")
	ResponseEntity<?> consentWithdrawal(@PathVariable String id,
			@Valid @RequestBody CaseRequests.ConsentWithdrawal body, @Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.consentWithdrawal(p, body));
	}

	@PostMapping("/api/participants/{id}/pauses")
	@Operation(summary = "Pause participation")
	ResponseEntity<?> pause(@PathVariable String id, @Valid @RequestBody CaseRequests.Pause body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.pause(p, body));
	}

	@PostMapping("/api/participants/{id}/resumptions")
	@Operation(summary = "Resume participation")
	ResponseEntity<?> resumption(@PathVariable String id, @Valid @RequestBody CaseRequests.Resumption body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.resumption(p, body));
	}

	@PostMapping("/api/participants/{id}/exit")
	@Operation(summary = "Record the exit (avslut)")
	ResponseEntity<?> exit(@PathVariable String id, @Valid @RequestBody CaseRequests.Exit body,
			@Parameter(hidden = true) Write write) {
		ParticipantId participant = CaseWrites.participantId(id);
		ProjectSettings settings = this.queries.projectOf(participant)
			.flatMap(this.projects::find)
			.map((project) -> project.definition().settings())
			.orElseGet(ProjectSettings::defaults);
		return write.send(id, body, (p) -> CaseCommands.exit(p, body, settings));
	}

	@PostMapping("/api/participants/{id}/post-exit-follow-ups")
	@Operation(summary = "Record the situation some days after exit (e.g. 90)")
	ResponseEntity<?> postExitFollowUp(@PathVariable String id, @Valid @RequestBody CaseRequests.PostExitFollowUp body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.postExitFollowUp(p, body));
	}

	@PostMapping("/api/participants/{id}/survey-answers")
	@Operation(summary = "Record a survey answer")
	ResponseEntity<?> surveyAnswer(@PathVariable String id, @Valid @RequestBody CaseRequests.SurveyAnswer body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.surveyAnswer(p, body));
	}

	@PostMapping("/api/participants/{id}/corrections")
	@Operation(summary = "Correct an earlier event: says what it corrects and why")
	ResponseEntity<?> correction(@PathVariable String id, @Valid @RequestBody CaseRequests.Correction body,
			@Parameter(hidden = true) Write write) {
		return write.send(id, body, (p) -> CaseCommands.correction(p, body));
	}

	@DeleteMapping("/api/participants/{id}/personal-data")
	@Operation(summary = "Erase the person's data (GDPR): the key and ciphertext are destroyed, events stay")
	ResponseEntity<?> erase(@PathVariable String id, @Parameter(hidden = true) Write write) {
		LocalDate today = LocalDate.now(this.clock);
		return write.send(id, null, (p) -> {
			this.personalData.erase(p);
			return new ErasePersonalData(p, today);
		});
	}

	private static ProjectId project(String projectId) {
		try {
			return ProjectId.of(projectId);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-project", projectId);
		}
	}

	/** The parts every write shares, resolved from the request. */
	record Write(CaseWrites writes, IdempotentRequests idempotent, HttpServletRequest request, @Nullable String ifMatch,
			@Nullable Long expectedVersion, @Nullable String idempotencyKey) {

		ResponseEntity<?> send(String id, @Nullable Object body, Function<ParticipantId, Object> command) {
			ParticipantId participant = CaseWrites.participantId(id);
			Long expected = CaseWrites.expectedVersion(this.ifMatch, this.expectedVersion);
			return this.idempotent.run(this.idempotencyKey, this.request.getMethod(), this.request.getRequestURI(),
					body, () -> {
						long version = this.writes.send(participant, expected, () -> command.apply(participant));
						return ResponseEntity.ok()
							.header(HttpHeaders.ETAG, "\"" + version + "\"")
							.body(new Written(participant.toString(), version));
					});
		}

	}

}
