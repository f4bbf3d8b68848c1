package se.kedja.audit;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AccessLogTest extends AuditServiceTest {

	private CaseStream aCase() {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		stream.enrolled(LocalDate.of(2011, 1, 10), Instant.parse("2011-01-10T10:00:00Z"));
		publishAndAwait(stream);
		return stream;
	}

	@Test
	void every_read_of_a_case_is_logged_with_who_when_and_why() {
		CaseStream stream = aCase();
		String participant = stream.participant().toString();
		getJson("/api/participants/" + participant + "/history");
		getJson("/api/participants/" + participant + "/state?businessDate=2011-02-01");
		getJson("/api/participants/" + participant + "/verification");
		get("/api/participants/" + participant + "/history/export.json");

		JsonNode entries = getJson("/api/access-log?participant=" + participant).path("entries");

		assertThat(entries).extracting((entry) -> entry.path("action").asString())
			.containsExactly("history", "state", "verification", "export");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.path("accessedBy").asString()).isEqualTo("auditor-anna");
			assertThat(entry.path("purpose").asString()).isEqualTo(PURPOSE);
			assertThat(entry.path("accessedAt").asString()).isNotBlank();
		});
	}

	@Test
	void reading_the_access_log_is_itself_logged() {
		CaseStream stream = aCase();
		String participant = stream.participant().toString();
		getJson("/api/access-log?participant=" + participant);

		JsonNode entries = getJson("/api/access-log?participant=" + participant).path("entries");

		assertThat(entries).extracting((entry) -> entry.path("action").asString()).containsExactly("access-log");
	}

	@Test
	void a_read_without_a_purpose_is_refused() {
		CaseStream stream = aCase();

		HttpResponse<String> response = getAs("auditor-anna", "/api/participants/" + stream.participant() + "/history",
				Map.of());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("code").asString()).isEqualTo("purpose-missing");
		assertThat(getJson("/api/access-log?participant=" + stream.participant()).path("entries")).isEmpty();
	}

	@Test
	void the_purpose_may_be_given_as_a_parameter() {
		CaseStream stream = aCase();

		HttpResponse<String> response = getAs("auditor-bo",
				"/api/participants/" + stream.participant() + "/history?purpose=follow-up%20review", Map.of());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode entry = getJson("/api/access-log?user=auditor-bo&participant=" + stream.participant()).path("entries")
			.get(0);
		assertThat(entry.path("purpose").asString()).isEqualTo("follow-up review");
	}

	@Test
	void a_read_whose_entry_cannot_be_written_returns_no_data() throws Exception {
		CaseStream stream = aCase();
		String state = "/api/participants/" + stream.participant() + "/state";
		String refused = "a purpose the database refuses to log";
		sql("""
				CREATE FUNCTION audit.refuse_test_entry() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.purpose = '%s' THEN RAISE EXCEPTION 'access log entry refused by the test'; END IF;
				    RETURN NEW;
				END $$""".formatted(refused));
		HttpResponse<String> response;
		try {
			sql("CREATE TRIGGER refuse_test_entry BEFORE INSERT ON audit.access_log"
					+ " FOR EACH ROW EXECUTE FUNCTION audit.refuse_test_entry()");
			response = getAs("auditor-anna", state, Map.of("X-Kedja-Purpose", refused));
		}
		finally {
			sql("DROP TRIGGER IF EXISTS refuse_test_entry ON audit.access_log");
			sql("DROP FUNCTION audit.refuse_test_entry()");
		}

		assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);
		assertThat(response.body()).doesNotContain("ACTIVE").doesNotContain("correctionsApplied");
		assertThat(getJson(state).path("status").asString()).isEqualTo("ACTIVE");
		assertThat(getJson("/api/access-log?participant=" + stream.participant()).path("entries"))
			.extracting((entry) -> entry.path("purpose").asString())
			.containsExactly(PURPOSE);
		assertThat(getJson("/api/access-log/verification").path("intact").asBoolean()).isTrue();
	}

	@Test
	void a_state_read_of_an_unknown_case_is_not_found_and_logged_as_attempted() {
		String participant = UUID.randomUUID().toString();

		HttpResponse<String> response = get("/api/participants/" + participant + "/state");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("correctionsApplied");
		// the entry is written while the rows are read, before the case is known to be
		// unknown
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(getJson("/api/access-log?participant=" + participant).path("entries"))
				.extracting((entry) -> entry.path("action").asString())
				.contains("state"));
	}

	@Test
	void the_access_log_is_a_hash_chain_that_verifies() {
		aCase();
		getJson("/api/access-log");

		JsonNode verification = getJson("/api/access-log/verification");

		assertThat(verification.path("intact").asBoolean()).isTrue();
		assertThat(verification.path("entries").asLong()).isPositive();
		JsonNode entries = getJson("/api/access-log?size=1000").path("entries");
		for (int i = 1; i < entries.size(); i++) {
			assertThat(entries.get(i).path("previousHash").asString())
				.isEqualTo(entries.get(i - 1).path("hash").asString());
		}
	}

	@Test
	void concurrent_reads_are_each_logged_once_in_a_chain_that_still_verifies() throws Exception {
		CaseStream stream = aCase();
		String state = "/api/participants/" + stream.participant() + "/state";
		int reads = 48;
		long before = getJson("/api/access-log/verification").path("entries").asLong();

		List<Integer> statuses;
		try (ExecutorService readers = Executors.newFixedThreadPool(12)) {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < reads; i++) {
				answers.add(readers.submit(() -> get(state).statusCode()));
			}
			statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(2, TimeUnit.MINUTES));
			}
		}

		assertThat(statuses).hasSize(reads).containsOnly(200);
		JsonNode entries = getJson("/api/access-log?size=1000&participant=" + stream.participant()).path("entries");
		assertThat(entries).hasSize(reads)
			.allSatisfy((entry) -> assertThat(entry.path("action").asString()).isEqualTo("state"));
		assertThat(entries).extracting((entry) -> entry.path("position").asLong()).doesNotHaveDuplicates();
		JsonNode verification = getJson("/api/access-log/verification");
		assertThat(verification.path("intact").asBoolean()).isTrue();
		// the verification before the reads, the reads and the listing after them
		assertThat(verification.path("entries").asLong()).isEqualTo(before + 1 + reads + 1);
	}

	@Test
	void the_access_log_exports_as_csv() {
		CaseStream stream = aCase();
		getJson("/api/participants/" + stream.participant() + "/history");

		HttpResponse<String> csv = get("/api/access-log/export.csv?participant=" + stream.participant());

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body().lines()).hasSize(2);
		assertThat(csv.body().lines().toList().get(0)).startsWith("position,accessed_at,accessed_by");
		assertThat(csv.body()).contains("auditor-anna", "history", stream.participant().toString());
	}

}
