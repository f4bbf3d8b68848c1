package se.kedja.cases;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@CaseServiceIntegrationTest
class IdempotencyAndErasureTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	long events() {
		// deadlines (a plan due 30 days after a 2010 enrolment) fire in the background:
		// not counted
		return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%DeadlineMissed'")
			.query(Long.class)
			.single();
	}

	@Test
	void a_retried_enrolment_with_the_same_key_records_once_and_answers_the_same() {
		Map<String, Object> body = Fixtures.enrolment();
		Map<String, String> key = Map.of("Idempotency-Key", "enrol-" + java.util.UUID.randomUUID());
		Api.Response first = this.api.post("/api/projects/orangeriet/participants", body, key);
		long after = events();
		Api.Response retry = this.api.post("/api/projects/orangeriet/participants", body, key);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
		assertThat(events()).isEqualTo(after);
	}

	@Test
	void a_retried_write_with_the_same_key_records_once() {
		String id = this.api.post("/api/projects/orangeriet/participants", Fixtures.enrolment())
			.body()
			.path("participantId")
			.asString();
		Map<String, String> key = Map.of("Idempotency-Key", "consent-" + id);
		Map<String, Object> body = Map.of("givenOn", "2010-04-01", "actors", List.of("forsakringskassan"));
		Api.Response first = this.api.post("/api/participants/" + id + "/consents", body, key);
		long after = events();
		Api.Response retry = this.api.post("/api/participants/" + id + "/consents", body, key);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(events()).isEqualTo(after);
		Api.Response reused = this.api.post("/api/participants/" + id + "/consents",
				Map.of("givenOn", "2010-04-02", "actors", List.of("forsakringskassan")), key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.problemType()).isEqualTo("https://kedja.se/problems/idempotency-key-reused");
	}

	@Test
	void erasure_makes_name_and_personnummer_unreadable_while_events_stay() {
		String personnummer = Fixtures.personnummer();
		String name = "Eraso Glömsson";
		Map<String, Object> body = new java.util.HashMap<>(Fixtures.enrolment(personnummer));
		body.put("name", name);
		String id = this.api.post("/api/projects/orangeriet/participants", body)
			.body()
			.path("participantId")
			.asString();
		assertThat(this.api.get("/api/participants/" + id).body().path("person").path("name").asString())
			.isEqualTo(name);
		long eventsBefore = events();
		assertThat(scanSchemaFor(name)).as("name is encrypted at rest").isEmpty();

		Api.Response erased = this.api.exchange(HttpMethod.DELETE, "/api/participants/" + id + "/personal-data", null,
				Map.of());
		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

		assertThat(count("participant_data_key", id)).isZero();
		assertThat(count("participant_personal_data", id)).isZero();
		assertThat(count("enrolment_fingerprint", id)).isZero();
		String digits = personnummer.replace("-", "");
		assertThat(scanSchemaFor(name)).isEmpty();
		assertThat(scanSchemaFor(digits)).isEmpty();
		assertThat(scanSchemaFor(digits.substring(2))).isEmpty();
		Api.Response after = this.api.get("/api/participants/" + id);
		assertThat(after.body().path("person").isNull() || after.body().path("person").isMissingNode()).isTrue();
		assertThat(after.body().path("personalDataErased").asBoolean()).isTrue();
		assertThat(events()).isEqualTo(eventsBefore + 1);
		assertThat(count("case_summary", id)).isEqualTo(1);
	}

	private long count(String table, String participant) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE participant_id = ?::uuid")
			.param(participant)
			.query(Long.class)
			.single();
	}

	/**
	 * Every text, json and bytea column of every table in the schema, searched for the
	 * value.
	 */
	private List<String> scanSchemaFor(String value) {
		List<Map<String, Object>> columns = this.jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = 'cases' AND data_type IN ('text', 'character varying', 'jsonb', 'bytea')""")
			.query()
			.listOfRows();
		List<String> hits = new java.util.ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			String expression = "bytea".equals(column.get("data_type")) ? "encode(\"" + name + "\", 'escape')"
					: "\"" + name + "\"::text";
			long found = this.jdbc
				.sql("SELECT count(*) FROM \"" + table + "\" WHERE position(? in " + expression + ") > 0")
				.param(value)
				.query(Long.class)
				.single();
			if (found > 0) {
				hits.add(table + "." + name);
			}
		}
		return hits;
	}

}
