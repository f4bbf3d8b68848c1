package se.kedja.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import se.kedja.testsupport.AuthorizationMatrix;
import se.kedja.testsupport.AuthorizationMatrix.Rule;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.CASE;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.PROJECT;
import static se.kedja.testsupport.AuthorizationMatrix.Scope.ROLE;

/**
 * Every endpoint of case-service's OpenAPI document against every kind of caller: the
 * rules below are the access policy, and an endpoint without one fails this test.
 */
@CaseServiceIntegrationTest
class AuthorizationMatrixTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	static final String NAME = "Matris Hemligsson";

	static final String EMAIL = "matris.hemligsson@example.org";

	static final Map<String, Rule> RULES = Map.ofEntries(
			Map.entry("GET /api/participants/{id}", Rule.of(CASE, "coach", "manager", "auditor")),
			Map.entry("POST /api/participants/{id}/plan", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/activities", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/activities/{activityId}/completion", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/follow-ups", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/referrals", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/transfers", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/transfers/{transferId}/acceptance", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/transfers/{transferId}/rejection", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/consents", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/consents/withdrawal", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/pauses", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/resumptions", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/exit", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/post-exit-follow-ups", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/survey-answers", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/corrections", Rule.of(CASE, "coach")),
			Map.entry("POST /api/participants/{id}/retractions", Rule.of(CASE, "coach")),
			Map.entry("DELETE /api/participants/{id}/personal-data", Rule.of(CASE, "coach").refusalsOnly()),
			Map.entry("GET /api/projects/{projectId}/participants", Rule.of(PROJECT, "coach", "manager", "auditor")),
			Map.entry("POST /api/projects/{projectId}/participants", Rule.of(PROJECT, "coach")),
			Map.entry("GET /api/projects/{projectId}",
					Rule.of(PROJECT, "coach", "manager", "auditor").andEverywhere("admin")),
			Map.entry("POST /api/projects/{projectId}/imports", Rule.of(PROJECT, "coach")),
			Map.entry("GET /api/projects/{projectId}/imports/template.csv", Rule.of(PROJECT, "coach")),
			Map.entry("GET /api/projects/{projectId}/imports/template.xlsx", Rule.of(PROJECT, "coach")),
			Map.entry("GET /api/projects/{projectId}/imports/{importId}", Rule.of(PROJECT, "coach")),
			Map.entry("GET /api/projects/{projectId}/imports/{importId}/report.csv", Rule.of(PROJECT, "coach")),
			Map.entry("DELETE /api/projects/{projectId}/imports/{importId}", Rule.of(PROJECT, "coach")),
			Map.entry("PUT /api/projects/{projectId}/definition", Rule.of(ROLE, "admin")),
			Map.entry("POST /api/projects/{projectId}/definition", Rule.of(ROLE, "admin")),
			Map.entry("GET /api/projects/{projectId}/assignments", Rule.of(ROLE, "admin")),
			Map.entry("PUT /api/projects/{projectId}/assignments/{userId}", Rule.of(ROLE, "admin")),
			Map.entry("DELETE /api/projects/{projectId}/assignments/{userId}", Rule.of(ROLE, "admin")),
			Map.entry("GET /api/users/{userId}/assignments", Rule.of(ROLE, "admin")),
			// the reporting endpoints check the report's project (in the body) themselves
			// and
			// log refusals; an empty body cannot name one, so only refusals are sent
			Map.entry("POST /api/reports/resolve", Rule.of(ROLE, "manager", "auditor").refusalsOnly()),
			Map.entry("GET /api/reports/resolutions", Rule.of(ROLE, "auditor").refusalsOnly()),
			Map.entry("PUT /api/reports/protected-identities/{participantId}",
					Rule.of(ROLE, "manager", "admin").refusalsOnly()));

	@LocalServerPort
	int port;

	@Test
	void every_endpoint_refuses_every_caller_outside_its_rule_and_leaks_nothing() {
		String personnummer = Fixtures.personnummer();
		String participant = seededCase(personnummer);
		AuthorizationMatrix matrix = new AuthorizationMatrix(this.port, Fixtures.PROJECT, "sesam",
				Map.of("id", participant, "participantId", participant, "projectId", Fixtures.PROJECT, "activityId",
						UUID.randomUUID().toString(), "transferId", UUID.randomUUID().toString(), "importId",
						UUID.randomUUID().toString(), "userId", "matrix-someone"),
				List.of(personnummer, personnummer.replace("-", ""), NAME, EMAIL));

		List<String> failures = matrix.run(RULES);

		assertThat(failures).isEmpty();
		assertThat(matrix.probes()).hasSizeGreaterThan(RULES.size() * 10);
	}

	@Test
	void a_case_outside_ones_scope_answers_as_a_case_that_does_not_exist() {
		String participant = seededCase(Fixtures.personnummer());
		Api outsider = new Api(this.port,
				TestTokens.get().user("matrix-coach").roles("coach").projects("sesam").token());

		Api.Response hidden = outsider.get("/api/participants/" + participant);
		Api.Response unknown = outsider.get("/api/participants/" + UUID.randomUUID());

		assertThat(hidden.status()).isEqualTo(404).isEqualTo(unknown.status());
		assertThat(hidden.problemType()).isEqualTo(unknown.problemType());
	}

	@Test
	void personal_data_is_shown_to_the_coach_of_the_case_only() {
		String personnummer = Fixtures.personnummer();
		String participant = seededCase(personnummer);
		TestTokens tokens = TestTokens.get();

		Api.Response coach = new Api(this.port,
				tokens.user("matrix-coach").roles("coach").projects(Fixtures.PROJECT).token())
			.get("/api/participants/" + participant);
		Api.Response otherCoach = new Api(this.port,
				tokens.user("coach-other").roles("coach").projects(Fixtures.PROJECT).token())
			.get("/api/participants/" + participant);
		Api.Response manager = new Api(this.port,
				tokens.user("manager-maria").roles("manager").projects(Fixtures.PROJECT).token())
			.get("/api/participants/" + participant);
		Api.Response managerList = new Api(this.port,
				tokens.user("manager-maria").roles("manager").projects(Fixtures.PROJECT).token())
			.get("/api/projects/" + Fixtures.PROJECT + "/participants?coach=matrix-coach&size=500");

		assertThat(coach.status()).isEqualTo(200);
		assertThat(coach.text()).contains(personnummer.replace("-", ""), NAME);
		assertThat(otherCoach.status()).isEqualTo(200);
		assertThat(manager.status()).isEqualTo(200);
		assertThat(managerList.status()).isEqualTo(200);
		for (Api.Response pseudonymous : List.of(otherCoach, manager, managerList)) {
			assertThat(pseudonymous.text()).contains(participant)
				.doesNotContain(personnummer, personnummer.replace("-", ""), NAME, EMAIL);
		}
	}

	@Test
	void a_coach_enrols_only_at_the_sites_they_are_assigned_to() {
		Map<String, Object> body = new java.util.LinkedHashMap<>(Fixtures.enrolment());
		body.put("coachId", "matrix-coach");
		Api siteCoach = new Api(this.port,
				TestTokens.get().user("matrix-coach").roles("coach").projects(Fixtures.PROJECT + "/kinda").token());

		Api.Response response = siteCoach.post("/api/projects/" + Fixtures.PROJECT + "/participants", body);

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void assignments_are_changed_by_administrators_and_kept_on_record() {
		Api admin = new Api(this.port, TestTokens.get().user("admin-ada").roles("admin").token());

		Api.Response assigned = admin.exchange(org.springframework.http.HttpMethod.PUT,
				"/api/projects/" + Fixtures.PROJECT + "/assignments/coach-new", Map.of("sites", List.of("finspang")),
				Map.of());
		Api.Response again = admin.exchange(org.springframework.http.HttpMethod.PUT,
				"/api/projects/" + Fixtures.PROJECT + "/assignments/coach-new", Map.of("sites", List.of("finspang")),
				Map.of());
		Api.Response scopes = admin.get("/api/users/coach-new/assignments");
		Api.Response removed = admin.exchange(org.springframework.http.HttpMethod.DELETE,
				"/api/projects/" + Fixtures.PROJECT + "/assignments/coach-new", null, Map.of());
		Api.Response removedAgain = admin.exchange(org.springframework.http.HttpMethod.DELETE,
				"/api/projects/" + Fixtures.PROJECT + "/assignments/coach-new", null, Map.of());
		Api.Response after = admin.get("/api/users/coach-new/assignments");

		assertThat(assigned.status()).isEqualTo(200);
		assertThat(assigned.body().path("assignedBy").asString()).isEqualTo("admin-ada");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("sites").toString()).isEqualTo(assigned.body().path("sites").toString());
		assertThat(removedAgain.status()).isEqualTo(204);
		assertThat(this.jdbc.sql(
				"SELECT action FROM assignment_log WHERE user_id = 'coach-new' AND project_id = ? ORDER BY recorded_at")
			.param(Fixtures.PROJECT)
			.query(String.class)
			.list()).as("a repeated PUT or DELETE changes nothing and logs nothing")
			.containsExactly("assigned", "unassigned");
		assertThat(scopes.body().path("projects").get(0).asString()).isEqualTo(Fixtures.PROJECT + "/finspang");
		assertThat(removed.status()).isEqualTo(204);
		assertThat(after.body().path("projects")).isEmpty();
	}

	private String seededCase(String personnummer) {
		Map<String, Object> body = new java.util.LinkedHashMap<>(Fixtures.enrolment(personnummer));
		body.put("coachId", "matrix-coach");
		body.put("name", NAME);
		body.put("email", EMAIL);
		Api.Response enrolled = new Api(this.port,
				TestTokens.get().user("matrix-coach").roles("coach").projects(Fixtures.PROJECT).token())
			.post("/api/projects/" + Fixtures.PROJECT + "/participants", body);
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		return enrolled.body().path("participantId").asString();
	}

}
