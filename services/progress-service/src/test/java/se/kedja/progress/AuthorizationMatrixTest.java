package se.kedja.progress;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;
import se.kedja.testsupport.AuthorizationMatrix;
import se.kedja.testsupport.AuthorizationMatrix.Rule;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.PROJECT;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.ROLE;

/**
 * Every endpoint of progress-service's OpenAPI document against every kind of caller: the
 * rules below are the access policy, and an endpoint without one fails this test.
 */
class AuthorizationMatrixTest extends IntegrationTest {

	static final String PROJECT_ID = "matrix-project";

	static final Map<String, Rule> RULES = Map.ofEntries(
			Map.entry("GET /api/projects", Rule.of(ROLE, "coach", "manager", "auditor", "admin")),
			Map.entry("GET /api/projects/{projectId}/progress", Rule.of(PROJECT, "coach", "manager", "auditor")),
			// an event stream: allowed callers would wait for events, so only refusals
			// are sent
			Map.entry("GET /api/projects/{projectId}/progress/stream",
					Rule.of(PROJECT, "coach", "manager", "auditor").refusalsOnly()),
			Map.entry("GET /api/projects/{projectId}/progress/export.csv",
					Rule.of(PROJECT, "coach", "manager", "auditor")),
			Map.entry("GET /api/projects/{projectId}/progress/export.xlsx",
					Rule.of(PROJECT, "coach", "manager", "auditor")),
			Map.entry("GET /api/projects/{projectId}/progress/summary.html",
					Rule.of(PROJECT, "coach", "manager", "auditor")),
			Map.entry("GET /api/projects/{projectId}/alerts", Rule.of(PROJECT, "coach", "manager")),
			Map.entry("POST /api/goals/validate", Rule.of(ROLE, "admin", "manager")),
			// a rebuild would disturb the other tests sharing this service
			Map.entry("POST /api/admin/rebuild", Rule.of(ROLE, "admin").refusalsOnly()),
			Map.entry("GET /api/admin/rebuild", Rule.of(ROLE, "admin")),
			Map.entry("GET /api/admin/dead-letters", Rule.of(ROLE, "admin")),
			Map.entry("GET /api/admin/intake", Rule.of(ROLE, "admin")),
			// funder reports: the reporting work still reads a role header, so refusals
			// only
			Map.entry("GET /api/projects/{projectId}/reports/monthly", Rule.of(PROJECT, "manager", "auditor")),
			Map.entry("POST /api/projects/{projectId}/reports/monthly/{month}",
					Rule.of(PROJECT, "manager", "auditor").refusalsOnly()),
			Map.entry("GET /api/projects/{projectId}/reports/monthly/{month}",
					Rule.of(PROJECT, "manager", "auditor").refusalsOnly()),
			Map.entry("GET /api/projects/{projectId}/reports/monthly/{month}/corrected",
					Rule.of(PROJECT, "manager", "auditor").refusalsOnly()),
			Map.entry("GET /api/projects/{projectId}/reports/monthly/{month}/differences",
					Rule.of(PROJECT, "manager", "auditor").refusalsOnly()),
			Map.entry("POST /api/projects/{projectId}/reports/monthly/{month}/funder-file",
					Rule.of(PROJECT, "manager", "auditor").refusalsOnly()));

	@Test
	void every_endpoint_refuses_every_caller_outside_its_rule_and_leaks_nothing() {
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(41, PROJECT_ID, TestProject.SITES,
				TestProject.START, TestProject.END)
			.cases(3);
		publishProject(TestProject.defined(PROJECT_ID, TestProject.goals()));
		cases.forEach((events) -> events.forEach(IntegrationTest::publish));
		awaitProgress(PROJECT_ID, (progress) -> goal(progress, "enrolled").path("actual").asDouble() >= 1);
		List<String> participants = cases.stream().map((events) -> events.get(0).streamId()).toList();
		AuthorizationMatrix matrix = new AuthorizationMatrix(this.port, PROJECT_ID, "some-other-project",
				Map.of("projectId", PROJECT_ID, "month", "2010-03"), participants);

		List<String> failures = matrix.run(RULES);

		assertThat(failures).isEmpty();
	}

	@Test
	void the_project_list_shows_only_ones_own_projects() {
		publishProject(TestProject.defined(PROJECT_ID, TestProject.goals()));
		awaitProgress(PROJECT_ID, (progress) -> true);
		String outsider = TestTokens.get()
			.user("manager-other")
			.roles("manager")
			.projects("some-other-project")
			.token();

		String projects = http().get()
			.uri("/api/projects")
			.header("Authorization", "Bearer " + outsider)
			.retrieve()
			.body(String.class);

		assertThat(projects).doesNotContain(PROJECT_ID);
	}

}
