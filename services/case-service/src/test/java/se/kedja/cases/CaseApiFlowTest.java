package se.kedja.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@CaseServiceIntegrationTest
class CaseApiFlowTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	String enrol() {
		Api.Response enrolled = this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment());
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		return enrolled.body().path("participantId").asString();
	}

	@Test
	void every_write_endpoint_records_its_event_and_moves_the_version() {
		String id = enrol();
		String base = "/api/participants/" + id;
		UUID activity = UUID.randomUUID();
		UUID accepted = UUID.randomUUID();
		UUID rejected = UUID.randomUUID();
		List<String> failures = new ArrayList<>();
		record Step(String path, Object body) {
		}
		List<Step> steps = List.of(
				new Step("/plan", Map.of("agreedOn", "2010-03-10", "goals", List.of(), "plannedActivities", List.of(),
						"accessibilityNeeds", List.of(), "agreedWith", List.of("arbetsformedlingen-ostergotland"))),
				new Step("/activities",
						Map.of("activityId", activity, "type", se.kedja.events.ActivityType.values()[0].name(),
								"startedOn", "2010-03-15")),
				new Step("/activities/" + activity + "/completion",
						Map.of("completedOn", "2010-04-15", "asPlanned", true)),
				new Step("/follow-ups",
						Map.of("heldOn", "2010-04-20", "progress", List.of(), "accessibilityReviewed", true,
								"ownAssessment", se.kedja.events.cases.OwnAssessment.values()[0].name())),
				new Step("/consents", Map.of("givenOn", "2010-04-21", "actors", List.of("forsakringskassan"))),
				new Step("/referrals",
						Map.of("referredOn", "2010-04-22", "to", "forsakringskassan", "purpose",
								se.kedja.events.cases.ReferralPurpose.values()[0].name())),
				new Step("/transfers",
						Map.of("transferId", rejected, "requestedOn", "2010-05-01", "to", "forsakringskassan")),
				new Step("/transfers/" + rejected + "/rejection",
						Map.of("rejectedOn", "2010-05-02", "reason",
								se.kedja.events.cases.TransferRejectionReason.values()[0].name())),
				new Step("/transfers",
						Map.of("transferId", accepted, "requestedOn", "2010-05-03", "to", "forsakringskassan")),
				new Step("/transfers/" + accepted + "/acceptance", Map.of("acceptedOn", "2010-05-04")),
				new Step("/pauses",
						Map.of("pausedOn", "2010-06-01", "reason",
								se.kedja.events.cases.PauseReason.values()[0].name())),
				new Step("/resumptions", Map.of("resumedOn", "2010-07-01")),
				new Step("/survey-answers",
						Map.of("answeredOn", "2010-07-02", "questionKey", "chances-of-work-increased", "answer",
								"yes")),
				new Step("/consents/withdrawal",
						Map.of("withdrawnOn", "2010-07-03", "actors", List.of("forsakringskassan"))),
				new Step("/exit",
						Map.of("exitedOn", "2010-08-01", "reason", se.kedja.events.cases.ExitReason.values()[0].name(),
								"outcome", "EMPLOYMENT")),
				new Step("/post-exit-follow-ups",
						Map.of("daysAfterExit", 90, "followedUpOn", "2010-10-30", "status", "EMPLOYMENT")));
		long version = 0;
		for (Step step : steps) {
			Api.Response response = this.api.post(base + step.path(), step.body(),
					Map.of("If-Match", "\"" + version + "\""));
			if (response.status() != 200) {
				failures.add(step.path() + " -> " + response);
				continue;
			}
			assertThat(response.body().path("version").asLong()).isGreaterThan(version);
			version = response.body().path("version").asLong();
		}
		String enrolmentEvent = this.jdbc.sql(
				"SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")
			.param(id)
			.query(String.class)
			.single();
		Api.Response correction = this.api.post(base + "/corrections",
				Map.of("corrects", enrolmentEvent, "correctedValues", Map.of("monthsWithoutWork", "15"), "correctedOn",
						"2010-11-01", "reason", "Typing error at enrolment"));
		if (correction.status() != 200) {
			failures.add("/corrections -> " + correction);
		}
		assertThat(failures).isEmpty();
		Api.Response read = this.api.get(base);
		assertThat(read.body().path("status").asString()).isEqualTo("EXITED");
		assertThat(read.body().path("responsibleActor").asString()).isEqualTo("forsakringskassan");
		assertThat(read.headers().getETag()).isEqualTo("\"" + read.body().path("version").asLong() + "\"");
		assertThat(events(id)).isEqualTo(read.body().path("version").asLong() + 1);
	}

	@Test
	void the_caseload_filters_by_coach_site_and_status_and_pages() {
		String coach = "coach-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> body = new java.util.HashMap<>(Fixtures.enrolment());
			body.put("coachId", coach);
			assertThat(this.api.post("/api/projects/orangeriet/participants", body).status()).isEqualTo(201);
		}
		Api.Response page = this.api
			.get("/api/projects/orangeriet/participants?coach=" + coach + "&site=finspang&status=active&page=0&size=2");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body().path("total").asLong()).isEqualTo(3);
		assertThat(page.body().path("items").size()).isEqualTo(2);
		Api.Response second = this.api.get("/api/projects/orangeriet/participants?coach=" + coach + "&page=1&size=2");
		assertThat(second.body().path("items").size()).isEqualTo(1);
	}

	@Test
	void the_project_and_its_definition_are_served_and_revised_only_on_change() {
		Api.Response project = this.api.get("/api/projects/orangeriet");
		assertThat(project.status()).as(project.toString()).isEqualTo(200);
		assertThat(project.body().path("definition").path("sites").size()).isEqualTo(4);
		int revision = project.body().path("revision").asInt();
		String yaml = resource("projects/orangeriet.yaml");
		Api.Response same = this.api.exchange(HttpMethod.PUT, "/api/projects/orangeriet/definition", yaml, Map.of(),
				org.springframework.http.MediaType.parseMediaType("application/yaml;charset=UTF-8"));
		assertThat(same.body().path("digest").asString()).as(project.body().path("digest").asString())
			.isEqualTo(project.body().path("digest").asString());
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertThat(same.body().path("revision").asInt()).isEqualTo(revision);
		Api.Response bad = this.api.exchange(HttpMethod.PUT, "/api/projects/orangeriet/definition",
				yaml.replace("planDueDays: 30", "planDueDays: 30\n  colour: green"), Map.of(),
				org.springframework.http.MediaType.parseMediaType("application/yaml;charset=UTF-8"));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
		assertThat(bad.problemType()).isEqualTo("https://kedja.se/problems/invalid-project-definition");
		assertThat(bad.body().path("errors").get(0).path("message").asString()).contains("line").contains("colour");
	}

	static String resource(String name) {
		try (var in = CaseApiFlowTest.class.getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	long events(String id) {
		return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
