package se.kedja.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input gets its exact status and problem type, and records nothing. */
@CaseServiceIntegrationTest
class RefusalTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String participant;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		Api.Response enrolled = this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment());
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		this.participant = enrolled.body().path("participantId").asString();
	}

	long events() {
		// deadlines (a plan due 30 days after a 2010 enrolment) fire in the background:
		// not counted
		return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%DeadlineMissed'")
			.query(Long.class)
			.single();
	}

	void refused(Api.Response response, int status, String type) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.headers().getContentType()).as(response.toString())
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.problemType()).as(response.toString()).isEqualTo("https://kedja.se/problems/" + type);
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at se.").doesNotContain("SELECT");
	}

	@Test
	void malformed_json_is_400_malformed_json() {
		long before = events();
		refused(this.api.post("/api/participants/" + this.participant + "/resumptions", "{\"resumedOn\": "), 400,
				"malformed-json");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void an_unknown_field_is_400_unknown_field_naming_it() {
		long before = events();
		Api.Response response = this.api.post("/api/participants/" + this.participant + "/pauses", Map.of("pausedOn",
				"2010-05-01", "reason", se.kedja.events.cases.PauseReason.values()[0].name(), "mood", "sunny"));
		refused(response, 400, "unknown-field");
		assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("mood");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_missing_field_is_400_validation_failed_per_field() {
		long before = events();
		Map<String, Object> body = new HashMap<>(Fixtures.enrolment());
		body.remove("gender");
		body.remove("siteId");
		Api.Response response = this.api.post("/api/projects/orangeriet/participants", body);
		refused(response, 400, "validation-failed");
		assertThat(response.body().path("errors").findValuesAsString("field")).contains("gender", "siteId");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void problems_speak_swedish_when_asked() {
		Api.Response response = this.api.exchange(HttpMethod.POST,
				"/api/participants/" + this.participant + "/resumptions", "{", Map.of("Accept-Language", "sv-SE"));
		assertThat(response.body().path("title").asString()).isEqualTo("Felaktig JSON");
	}

	@Test
	void an_unknown_participant_is_404() {
		refused(this.api.post("/api/participants/" + UUID.randomUUID() + "/resumptions",
				Map.of("resumedOn", "2010-05-01")), 404, "unknown-participant");
		refused(this.api.get("/api/participants/" + UUID.randomUUID()), 404, "unknown-participant");
		refused(this.api.get("/api/participants/not-a-uuid"), 404, "unknown-participant");
	}

	@Test
	void a_future_date_is_422_date_in_future() {
		long before = events();
		refused(this.api.post("/api/participants/" + this.participant + "/follow-ups",
				Map.of("heldOn", "2999-01-01", "progress", java.util.List.of(), "accessibilityReviewed", true,
						"ownAssessment", se.kedja.events.cases.OwnAssessment.values()[0].name())),
				422, "date-in-future");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_wrong_date_is_400_invalid_value() {
		refused(this.api.post("/api/participants/" + this.participant + "/resumptions",
				Map.of("resumedOn", "2010-13-45")), 400, "invalid-value");
	}

	@Test
	void an_invalid_personnummer_is_400_and_records_nothing() {
		long before = events();
		Api.Response response = this.api.post("/api/projects/orangeriet/participants",
				Fixtures.enrolment("19850101-0001"));
		refused(response, 400, "validation-failed");
		assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("personnummer");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_second_open_enrolment_of_the_same_person_is_409() {
		String personnummer = Fixtures.personnummer();
		assertThat(this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment(personnummer)).status())
			.isEqualTo(201);
		long before = events();
		refused(this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment(personnummer)), 409,
				"duplicate-enrolment");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void a_stale_version_is_409_and_records_nothing() {
		long before = events();
		refused(this.api.post("/api/participants/" + this.participant + "/consents",
				Map.of("givenOn", "2010-04-01", "actors", java.util.List.of("forsakringskassan")),
				Map.of("If-Match", "\"7\"")), 409, "stale-version");
		refused(this.api.post("/api/participants/" + this.participant + "/consents?expectedVersion=3",
				Map.of("givenOn", "2010-04-01", "actors", java.util.List.of("forsakringskassan"))), 409,
				"stale-version");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void an_oversized_body_is_413() {
		long before = events();
		String big = "{\"resumedOn\":\"2010-05-01\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";
		refused(this.api.post("/api/participants/" + this.participant + "/resumptions", big), 413, "payload-too-large");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void the_api_documentation_and_probes_are_public_json() {
		Api.Response docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().path("openapi").asString()).as(docs.text()).startsWith("3.");
		assertThat(docs.body().path("paths").has("/api/participants/{id}/exit")).isTrue();
		Api.Response readiness = this.api.get("/actuator/health/readiness");
		assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/prometheus").status()).isEqualTo(200);
	}

	@Test
	void unknown_paths_methods_and_media_types_are_problems_too() {
		refused(this.api.get("/api/nothing-here"), 404, "not-found");
		refused(this.api.exchange(HttpMethod.PUT, "/api/participants/" + this.participant + "/exit", "{}", Map.of()),
				405, "method-not-allowed");
		refused(this.api.exchange(HttpMethod.POST, "/api/participants/" + this.participant + "/resumptions",
				"resumedOn=2010-05-01", Map.of(), MediaType.APPLICATION_FORM_URLENCODED), 415,
				"unsupported-media-type");
		refused(this.api.get("/api/projects/orangeriet/participants?page=x"), 400, "type-mismatch");
		refused(this.api.get("/api/projects/nope/participants"), 404, "unknown-project");
	}

}
