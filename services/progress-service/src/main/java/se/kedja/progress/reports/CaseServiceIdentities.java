package se.kedja.progress.reports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import se.kedja.support.problem.ProblemException;

/**
 * Asks case-service, the only holder of personal identity numbers, to resolve a report's
 * pseudonymous ids for the caller. The caller's identity is forwarded, so case-service
 * decides and logs who may see them; nothing it answers is stored here.
 */
@Component
class CaseServiceIdentities {

	private final RestClient http;

	CaseServiceIdentities(RestClient.Builder builder,
			@Value("${kedja.case-service.url:http://localhost:8081}") String baseUrl) {
		this.http = builder.baseUrl(baseUrl).build();
	}

	/** Personnummer (or the funder's placeholder) by participant id. */
	Map<String, String> resolve(StoredReport report, String purpose, List<String> participantIds, Caller caller) {
		ResolveRequest request = new ResolveRequest(report.projectId(), report.reportId(), report.sha256(), purpose,
				participantIds.stream().map(UUID::fromString).toList());
		try {
			Resolved resolved = this.http.post()
				.uri("/api/reports/resolve")
				.contentType(MediaType.APPLICATION_JSON)
				.headers((h) -> {
					if (caller.authorization() != null) {
						h.set(HttpHeaders.AUTHORIZATION, caller.authorization());
					}
				})
				.body(request)
				.retrieve()
				.onStatus((status) -> status.value() == 401 || status.value() == 403, (req, res) -> {
					throw new ProblemException(HttpStatus.FORBIDDEN, "identity-resolution-refused", caller.user());
				})
				.onStatus((status) -> status.isError(), (req, res) -> {
					throw new ProblemException(HttpStatus.BAD_GATEWAY, "case-service-unavailable",
							res.getStatusCode().value());
				})
				.body(Resolved.class);
			if (resolved == null || !resolved.identities().keySet().containsAll(participantIds)) {
				throw new ProblemException(HttpStatus.BAD_GATEWAY, "case-service-unavailable", "incomplete answer");
			}
			return resolved.identities();
		}
		catch (ResourceAccessException ex) {
			throw new ProblemException(HttpStatus.BAD_GATEWAY, "case-service-unavailable", ex.getMessage());
		}
	}

	/** The body of case-service's {@code POST /api/reports/resolve}. */
	record ResolveRequest(String projectId, UUID reportId, String reportHash, String purpose,
			List<UUID> participantIds) {

	}

	/** Its answer. */
	record Resolved(Map<String, String> identities) {

	}

}
