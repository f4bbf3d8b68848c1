package se.kedja.cases.reporting;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.kedja.cases.Api;
import se.kedja.cases.CaseServiceIntegrationTest;
import se.kedja.cases.Fixtures;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@CaseServiceIntegrationTest
class IdentityResolutionTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void personal_identity_numbers_are_refused_without_the_right_role_and_the_refusal_is_logged() {
		String reportHash = "refused-" + UUID.randomUUID();
		String id = enrol(Fixtures.personnummer());
		Map<String, Object> body = request(reportHash, "monthly report to SCB", List.of(id));

		Api.Response asCoach = as(TestTokens.get().user("coach-anna").roles("coach").projects("orangeriet").token())
			.post("/api/reports/resolve", body);
		Api.Response managerElsewhere = as(
				TestTokens.get().user("manager-mats").roles("manager").projects("sesam").token())
			.post("/api/reports/resolve", body);

		assertThat(asCoach.status()).as(asCoach.toString()).isEqualTo(403);
		assertThat(asCoach.headers().getContentType().toString()).contains("problem+json");
		assertThat(asCoach.body().path("code").asString()).isEqualTo("identity-resolution-refused");
		assertThat(asCoach.text()).doesNotContain("19850");
		assertThat(managerElsewhere.status()).isEqualTo(403);
		List<Map<String, Object>> logged = log(reportHash);
		assertThat(logged).hasSize(2);
		assertThat(logged).extracting((row) -> row.get("requested_by")).containsExactly("coach-anna", "manager-mats");
		assertThat(logged).extracting((row) -> row.get("role")).containsExactly("coach", "manager");
		assertThat(logged).allSatisfy((row) -> {
			assertThat(row.get("outcome")).isEqualTo("refused");
			assertThat(row.get("purpose")).isEqualTo("monthly report to SCB");
			assertThat(row.get("participant_count")).isEqualTo(1);
		});
	}

	@Test
	void a_manager_with_a_purpose_gets_personnummer_with_placeholders_for_protected_and_erased_and_is_logged() {
		String reportHash = "granted-" + UUID.randomUUID();
		String open = Fixtures.personnummer();
		String hidden = Fixtures.personnummer();
		String erasedNumber = Fixtures.personnummer();
		String openId = enrol(open);
		String hiddenId = enrol(hidden);
		String erasedId = enrol(erasedNumber);
		Api manager = as(TestTokens.get().user("manager-maria").roles("manager").projects("orangeriet").token());
		Api.Response marked = manager.exchange(HttpMethod.PUT, "/api/reports/protected-identities/" + hiddenId, null,
				Map.of());
		assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
		Api.Response erased = this.api.exchange(HttpMethod.DELETE, "/api/participants/" + erasedId + "/personal-data",
				null, Map.of());
		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

		Api.Response resolved = manager.post("/api/reports/resolve",
				request(reportHash, "monthly report to SCB", List.of(openId, hiddenId, erasedId)));

		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.body().path("identities").path(openId).asString()).isEqualTo(open.replace("-", ""));
		assertThat(resolved.body().path("identities").path(hiddenId).asString()).isEqualTo("SKYDDAD-IDENTITET");
		assertThat(resolved.body().path("identities").path(erasedId).asString()).isEqualTo("UPPGIFT-RADERAD");
		List<Map<String, Object>> logged = log(reportHash);
		assertThat(logged).hasSize(1);
		assertThat(logged.get(0)).containsEntry("requested_by", "manager-maria")
			.containsEntry("role", "manager")
			.containsEntry("outcome", "resolved")
			.containsEntry("participant_count", 3);
		assertThat(manager.get("/api/reports/resolutions").status()).isEqualTo(403);
		Api auditor = as(TestTokens.get().user("auditor-ali").roles("auditor").projects("orangeriet").token());
		assertThat(auditor.get("/api/reports/resolutions").body().toString()).contains(reportHash);
	}

	@Test
	void a_resolution_without_a_purpose_is_a_bad_request_and_logged_as_refused() {
		String reportHash = "no-purpose-" + UUID.randomUUID();
		Api.Response response = as(TestTokens.get().user("auditor-ali").roles("auditor").projects("orangeriet").token())
			.post("/api/reports/resolve", request(reportHash, " ", List.of(enrol(Fixtures.personnummer()))));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(log(reportHash)).singleElement()
			.satisfies((row) -> assertThat(row.get("outcome")).isEqualTo("refused"));
	}

	@Test
	void the_log_is_append_only() {
		this.api.post("/api/reports/resolve", request("append-only", "x", List.of()), Map.of());
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> this.jdbc.sql("DELETE FROM identity_resolution WHERE report_hash = 'append-only'").update()))
			.hasMessageContaining("append-only");
	}

	private Api as(String token) {
		return new Api(this.port, token);
	}

	private String enrol(String personnummer) {
		Api.Response response = this.api.post("/api/projects/orangeriet/participants",
				Fixtures.enrolment(personnummer));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.body().path("participantId").asString();
	}

	private static Map<String, Object> request(String reportHash, String purpose, List<String> ids) {
		return Map.of("projectId", "orangeriet", "reportId", UUID.randomUUID().toString(), "reportHash", reportHash,
				"purpose", purpose, "participantIds", ids);
	}

	private List<Map<String, Object>> log(String reportHash) {
		return this.jdbc
			.sql("SELECT requested_by, role, purpose, participant_count, outcome FROM identity_resolution"
					+ " WHERE report_hash = ? ORDER BY id")
			.param(reportHash)
			.query()
			.listOfRows();
	}

}
