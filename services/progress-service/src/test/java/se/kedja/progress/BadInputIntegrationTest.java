package se.kedja.progress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad request bodies, as the reliability suite's fuzzing sends them, are refused with a
 * 4xx problem, never a 500.
 */
class BadInputIntegrationTest extends IntegrationTest {

	private static final String VALIDATE = "/api/goals/validate";

	private static final List<String> MALFORMED = List.of("{", "{\"a\":", "[", "nul", "\"text\"", "123", "{\"a\":1}}",
			"[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "9".repeat(5000) + "}", "{\"a\":\"\\ud800\"}", "");

	private static final List<String> WRONG = List.of("12345678901234567890.0", "-9.9e307", "1e400", "\"text\"", "true",
			"[1,2]", "{\"x\":{\"y\":[]}}", "\"\\u0000\"", "null", "[null]", "[{}]", "[[]]", "[\"x\"]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":[]}]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{\"target\":1e400}}]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{\"target\":99999999999999999999999999}}]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{\"target\":\"\\u0000\"}}]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{\"target\":{\"x\":[]}}}]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{\"filter\":[null]}}]",
			"[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{\"filter\":{\"x\":null}}}]",
			"[{\"id\":\"a\",\"kind\":\"outcome-after\",\"spec\":{\"days\":1e400}}]",
			"[{\"id\":\"a\",\"kind\":\"outcome-after\",\"spec\":{\"days\":99999999999999999999}}]",
			"[{\"id\":\"a\",\"kind\":\"share\",\"spec\":{\"numerator\":null,\"denominator\":7}}]",
			"[{\"id\":\"a\",\"kind\":\"minimum-over-time\",\"spec\":{\"from\":\"2010-02-30\",\"minimum\":[]}}]",
			"[{\"id\":\"a\",\"kind\":\"quality\",\"spec\":{\"rule\":null,\"days\":\"x\"}}]",
			"[{\"id\":\"a\",\"kind\":\"period\",\"spec\":{\"measure\":{},\"from\":1,\"to\":true}}]",
			"[{\"id\":\"a\",\"kind\":\"indicators\",\"spec\":{\"set\":null}}]");

	@Test
	void a_body_starting_with_a_byte_order_mark_is_read_as_json() {
		HttpResponse<String> empty = post(VALIDATE, "\uFEFF{}");
		HttpResponse<String> goals = post(VALIDATE, "\uFEFF{\"goals\":[]}");

		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
		assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(empty.body()).contains("invalid-goal");
		assertThat(goals.statusCode()).as(goals.body()).isEqualTo(200);
	}

	@Test
	void every_bad_goal_body_is_a_4xx_problem() {
		List<String> bodies = new ArrayList<>(MALFORMED);
		WRONG.forEach((value) -> bodies.add("{\"goals\":" + value + "}"));
		bodies.add("{}");
		bodies.add("{\"goals\":[{\"id\":\"a\",\"kind\":\"count\",\"spec\":{}}],\"extra\":1}");
		List<String> failures = new ArrayList<>();
		for (String body : bodies) {
			HttpResponse<String> response = post(VALIDATE, body);
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

	private HttpResponse<String> post(String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", bearer())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "…" : text;
	}

}
