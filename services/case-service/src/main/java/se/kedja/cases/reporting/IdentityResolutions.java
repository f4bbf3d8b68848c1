package se.kedja.cases.reporting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.kedja.cases.personaldata.PersonalData;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.cases.reporting.ReportingAccess.Caller;
import se.kedja.cases.reporting.ResolutionLog.Entry;
import se.kedja.events.ParticipantId;
import se.kedja.support.problem.ProblemException;

/**
 * Resolves a report's participant ids to personal identity numbers for an authorised
 * caller with a stated purpose. A protected identity gets the funder's placeholder, as
 * does a participant whose personal data is erased (or was never held). Every request is
 * logged, a refusal before it is answered. The report id logged is
 * {@code project/report-id}.
 */
@Service
class IdentityResolutions {

	private final PersonalDataStore personalData;

	private final ProtectedIdentities protectedIdentities;

	private final ResolutionLog log;

	private final Clock clock;

	private final String protectedPlaceholder;

	private final String erasedPlaceholder;

	IdentityResolutions(PersonalDataStore personalData, ProtectedIdentities protectedIdentities, ResolutionLog log,
			Clock clock,
			@Value("${kedja.reporting.protected-identity-placeholder:SKYDDAD-IDENTITET}") String protectedPlaceholder,
			@Value("${kedja.reporting.erased-placeholder:UPPGIFT-RADERAD}") String erasedPlaceholder) {
		this.personalData = personalData;
		this.protectedIdentities = protectedIdentities;
		this.log = log;
		this.clock = clock;
		this.protectedPlaceholder = protectedPlaceholder;
		this.erasedPlaceholder = erasedPlaceholder;
	}

	Map<String, String> resolve(Caller caller, @Nullable String projectId, @Nullable String reportId,
			@Nullable String reportHash, @Nullable String purpose, List<UUID> participantIds) {
		String report = ((projectId != null) ? projectId : "") + "/" + ((reportId != null) ? reportId : "");
		if (!caller.mayResolveIdentities(projectId)) {
			refuse(caller, report, reportHash, purpose, participantIds, "role may not resolve identities");
			throw new ProblemException(HttpStatus.FORBIDDEN, "identity-resolution-refused", caller.user());
		}
		if (purpose == null || purpose.isBlank() || reportHash == null || reportHash.isBlank()) {
			refuse(caller, report, reportHash, purpose, participantIds, "no purpose or report hash");
			throw new ProblemException(HttpStatus.BAD_REQUEST, "identity-resolution-incomplete");
		}
		Set<UUID> hidden = this.protectedIdentities.among(participantIds);
		Map<String, String> identities = new LinkedHashMap<>();
		for (UUID id : participantIds) {
			identities.put(id.toString(),
					hidden.contains(id) ? this.protectedPlaceholder
							: this.personalData.find(new ParticipantId(id))
								.map(PersonalData::personnummer)
								.orElse(this.erasedPlaceholder));
		}
		this.log.record(new Entry(this.clock.instant(), caller.user(), caller.roles(), report, reportHash, purpose,
				participantIds.size(), "resolved", null));
		return identities;
	}

	private void refuse(Caller caller, @Nullable String reportId, @Nullable String reportHash, @Nullable String purpose,
			List<UUID> participantIds, String reason) {
		this.log.record(new Entry(this.clock.instant(), caller.user(), caller.roles(), reportId, reportHash, purpose,
				participantIds.size(), "refused", reason));
	}

}
