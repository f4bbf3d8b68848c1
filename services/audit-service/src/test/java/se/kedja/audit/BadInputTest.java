package se.kedja.audit;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputTest extends AuditServiceTest {

	private static final String AGAINST_CHECKPOINT = "/api/projects/some-project/verification/against-checkpoint";

	/** A checkpoint's fields, each with a well-formed value of a forged checkpoint. */
	private static final Map<String, String> FIELDS = fields("checkpointId", "\"" + UUID.randomUUID() + "\"",
			"projectId", "\"some-project\"", "createdAt", "\"2020-01-01T00:00:00Z\"", "merkleRoot",
			"\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"", "heads", "[]", "positions", "[]",
			"algorithm", "\"Ed25519\"", "keyId", "\"x\"", "publicKey", "\"bm90IGEga2V5\"", "signature", "\"bm9wZQ==\"");

	/** As the reliability suite's fuzzing sends them, and a few nested ones. */
	private static final List<String> WRONG_VALUES = List.of("12345678901234567890.0", "-9.9e307", "1e400",
			"99999999999999999999999999999999", "-1", "\"text\"", "true", "[1,2]", "{\"x\":{\"y\":[]}}",
			"\"2010-02-30\"", "\"\\u0000\\uFFFF\\ud83d\\ude00\\u202E\"", "\"\\ud800\"", "\"NaN\"", "null", "[null]",
			"[{}]", "[{\"participantId\":\"x\",\"lastSequence\":1e400}]",
			"[{\"topic\":null,\"partition\":99999999999,\"offset\":\"x\"}]");

	private static final List<String> MALFORMED = List.of("\uFEFF{}", "{", "{\"a\":", "[", "nul", "\"text\"", "123",
			"{\"a\":1}}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "9".repeat(5000) + "}",
			"{\"a\":\"\\ud800\"}", "");

	@Test
	void an_unknown_case_is_not_found() {
		HttpResponse<String> response = get("/api/participants/" + UUID.randomUUID() + "/history");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(response).path("code").asString()).isEqualTo("unknown-case");
	}

	@Test
	void every_read_of_an_unknown_case_is_not_found() {
		String participant = UUID.randomUUID().toString();
		for (String path : new String[] { "/state", "/verification", "/history/export.json", "/history/export.html" }) {
			assertThat(get("/api/participants/" + participant + path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void an_unknown_project_or_checkpoint_is_not_found() {
		assertThat(get("/api/projects/no-such-project/verification").statusCode()).isEqualTo(404);
		assertThat(post("/api/projects/no-such-project/checkpoints", "").statusCode()).isEqualTo(404);
		assertThat(get("/api/checkpoints/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void malformed_times_and_ids_are_bad_requests() {
		String participant = UUID.randomUUID().toString();
		for (String path : new String[] { "/api/participants/" + participant + "/state?asOf=yesterday",
				"/api/participants/" + participant + "/state?asOf=2010-13-01T00:00:00Z",
				"/api/participants/" + participant + "/state?businessDate=2010-02-30",
				"/api/participants/" + participant + "/state?businessDate=01/02/2010",
				"/api/participants/" + participant + "/state?asOf=2010-01-01T00:00:00Z&businessDate=2010-01-01",
				"/api/participants/not-a-uuid/history", "/api/access-log?from=last-week",
				"/api/projects/Not_A_Slug/verification", "/api/checkpoints/not-a-uuid" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains("\"code\"");
		}
	}

	@Test
	void a_checkpoint_that_is_not_a_checkpoint_is_a_bad_request() {
		HttpResponse<String> response = post("/api/projects/some-project/verification/against-checkpoint",
				"{\"merkleRoot\": 42");

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void a_checkpoint_with_fields_missing_is_refused_not_an_error() {
		for (String body : new String[] { "{}", "{\"heads\":[null]}",
				"{\"heads\":[{\"lastSequence\":1}],\"positions\":[]}" }) {
			HttpResponse<String> response = post("/api/projects/some-project/verification/against-checkpoint", body);

			assertThat(response.statusCode()).as(body).isEqualTo(422);
			assertThat(response.body()).as(body).contains("checkpoint-rejected");
		}
	}

	@Test
	void a_forged_checkpoint_is_refused_not_an_error() {
		String forged = """
				{"checkpointId":"%s","projectId":"some-project","createdAt":"2020-01-01T00:00:00Z",
				 "merkleRoot":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","heads":[],
				 "positions":[],"algorithm":"Ed25519","keyId":"x","publicKey":"bm90IGEga2V5","signature":"bm9wZQ=="}
				""".formatted(UUID.randomUUID());

		HttpResponse<String> response = post("/api/projects/some-project/verification/against-checkpoint", forged);

		assertThat(response.statusCode()).isEqualTo(422);
	}

	@Test
	void a_path_refused_before_the_application_is_a_400_problem() {
		for (String path : new String[] { "/api/participants/a%00b/history", "/api/participants/a%0Ab/history",
				"/api/participants/a%2Fb/history", "/api/participants/a;b/history" }) {
			HttpResponse<String> response = get(path);

			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(response).path("code").asString()).as(path).isEqualTo("rejected-request");
		}
	}

	@Test
	void every_bad_checkpoint_body_is_a_4xx_problem() {
		List<String> bodies = new ArrayList<>(MALFORMED);
		for (String field : FIELDS.keySet()) {
			for (String value : WRONG_VALUES) {
				bodies.add("{\"" + field + "\":" + value + "}");
				Map<String, String> forged = new LinkedHashMap<>(FIELDS);
				forged.put(field, value);
				bodies.add(forged.entrySet()
					.stream()
					.map((entry) -> "\"" + entry.getKey() + "\":" + entry.getValue())
					.collect(Collectors.joining(",", "{", "}")));
			}
		}
		List<String> failures = new ArrayList<>();
		for (String body : bodies) {
			HttpResponse<String> response = post(AGAINST_CHECKPOINT, body);
			boolean problem = response.headers()
				.firstValue("Content-Type")
				.filter((type) -> type.startsWith("application/problem+json"))
				.isPresent();
			if (response.statusCode() < 400 || response.statusCode() >= 500 || !problem) {
				failures.add(abbreviate(body) + " → " + response.statusCode() + " " + abbreviate(response.body()));
			}
		}

		assertThat(failures).isEmpty();
	}

	private static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	private static String abbreviate(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "…" : text;
	}

}
