package se.kedja.cases.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.cases.reporting.ReportingAccess.Caller;
import se.kedja.cases.reporting.ResolutionLog.Entry;
import se.kedja.support.problem.ProblemException;

@RestController
class ReportingController {

	private final ReportingAccess access;

	private final IdentityResolutions resolutions;

	private final ProtectedIdentities protectedIdentities;

	private final ResolutionLog log;

	private final Clock clock;

	ReportingController(ReportingAccess access, IdentityResolutions resolutions,
			ProtectedIdentities protectedIdentities, ResolutionLog log, Clock clock) {
		this.access = access;
		this.resolutions = resolutions;
		this.protectedIdentities = protectedIdentities;
		this.log = log;
		this.clock = clock;
	}

	@PostMapping("/api/reports/resolve")
	@Operation(summary = "Personal identity numbers for a funder report's participant ids (manager or auditor, "
			+ "with a purpose); protected and erased identities get the funder's placeholder; always logged")
	Resolved resolve(@RequestBody ResolveRequest request) {
		return new Resolved(this.resolutions.resolve(this.access.caller(), request.projectId(), request.reportId(),
				request.reportHash(), request.purpose(),
				(request.participantIds() != null) ? request.participantIds() : List.of()));
	}

	@GetMapping("/api/reports/resolutions")
	@Operation(summary = "The latest identity resolutions, granted and refused (auditor)")
	List<Entry> resolutions(@RequestParam(defaultValue = "100") int limit) {
		Caller caller = this.access.caller();
		if (!caller.mayReadResolutionLog()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "resolution-log-refused", caller.user());
		}
		return this.log.latest(Math.clamp(limit, 1, 1000));
	}

	@PutMapping("/api/reports/protected-identities/{participantId}")
	@Operation(summary = "Mark a participant's identity as protected (skyddad identitet); never given out in reports")
	ResponseEntity<Map<String, String>> markProtected(@PathVariable UUID participantId) {
		Caller caller = this.access.caller();
		if (!caller.mayMarkProtectedIdentity()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "protected-identity-refused", caller.user());
		}
		this.protectedIdentities.mark(participantId, caller.user(), this.clock.instant());
		return ResponseEntity.ok(Map.of("participantId", participantId.toString(), "protectedIdentity", "true"));
	}

	/** Which report, why, and whose ids. */
	record ResolveRequest(@Nullable String projectId, @Nullable String reportId, @Nullable String reportHash,
			@Nullable String purpose, @Nullable List<UUID> participantIds) {

	}

	/** Personnummer or placeholder, by participant id. */
	record Resolved(Map<String, String> identities) {

	}

}
