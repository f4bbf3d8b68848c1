package se.kedja.audit;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kedja.testsupport.AuthorizationMatrix;
import se.kedja.testsupport.AuthorizationMatrix.Rule;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.CASE;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.PROJECT;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.ROLE;

/**
 * Every endpoint of audit-service's OpenAPI document against every kind of caller: the
 * rules below are the access policy, and an endpoint without one fails this test.
 */
class AuthorizationMatrixTest extends AuditServiceTest {

	static final Map<String, Rule> RULES = Map.ofEntries(
			Map.entry("GET /api/participants/{participantId}/history", Rule.of(CASE, "auditor", "coach")),
			Map.entry("GET /api/participants/{participantId}/history/export.json", Rule.of(CASE, "auditor")),
			Map.entry("GET /api/participants/{participantId}/history/export.html", Rule.of(CASE, "auditor")),
			Map.entry("GET /api/participants/{participantId}/state", Rule.of(CASE, "auditor")),
			Map.entry("GET /api/participants/{participantId}/verification", Rule.of(CASE, "auditor")),
			Map.entry("GET /api/projects/{projectId}/verification", Rule.of(PROJECT, "auditor")),
			Map.entry("POST /api/projects/{projectId}/verification/against-checkpoint", Rule.of(PROJECT, "auditor")),
			Map.entry("POST /api/projects/{projectId}/checkpoints", Rule.of(PROJECT, "auditor")),
			Map.entry("GET /api/checkpoints/{checkpointId}", Rule.of(CASE, "auditor")),
			// the whole log is for an auditor of every project; per case, see the test
			// below
			Map.entry("GET /api/access-log", Rule.of(ROLE, "auditor").refusalsOnly()),
			Map.entry("GET /api/access-log/export.csv", Rule.of(ROLE, "auditor").refusalsOnly()),
			Map.entry("GET /api/access-log/verification", Rule.of(ROLE, "auditor")));

	@Test
	void every_endpoint_refuses_every_caller_outside_its_rule_and_leaks_nothing() {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		stream.enrolled(LocalDate.of(2011, 1, 10), Instant.parse("2011-01-10T10:00:00Z"));
		publishAndAwait(stream);
		String checkpoint = json(post("/api/projects/" + stream.project() + "/checkpoints", "")).path("checkpointId")
			.asString();
		AuthorizationMatrix matrix = new AuthorizationMatrix(this.port, stream.project().toString(),
				"some-other-project", Map.of("participantId", stream.participant().toString(), "projectId",
						stream.project().toString(), "checkpointId", checkpoint),
				List.of("coach-7", "finspang-kooperativ", "long-term-unemployed"));

		List<String> failures = matrix.run(RULES);

		assertThat(failures).isEmpty();
	}

	@Test
	void an_auditor_reads_the_access_log_of_the_cases_of_their_projects_only() {
		CaseStream mine = new CaseStream(CaseStream.uniqueProject());
		mine.enrolled(LocalDate.of(2011, 1, 10), Instant.parse("2011-01-10T10:00:00Z"));
		publishAndAwait(mine);
		CaseStream theirs = new CaseStream(CaseStream.uniqueProject());
		theirs.enrolled(LocalDate.of(2011, 1, 10), Instant.parse("2011-01-10T10:00:00Z"));
		publishAndAwait(theirs);
		String auditor = "Bearer "
				+ TestTokens.get().user("auditor-scoped").roles("auditor").projects(mine.project().toString()).token();

		HttpResponse<String> own = getWithToken(auditor, "/api/access-log?participant=" + mine.participant());
		HttpResponse<String> other = getWithToken(auditor, "/api/access-log?participant=" + theirs.participant());
		HttpResponse<String> whole = getWithToken(auditor, "/api/access-log");

		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(whole.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> getWithToken(String authorization, String path) {
		return getWith(authorization, path, Map.of("X-Kedja-Purpose", PURPOSE));
	}

}
