package se.kedja.support.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before Spring MVC sees them — by Tomcat (a NUL byte or an encoded
 * slash in the path) or by Spring Security's firewall (an encoded line break, a
 * semicolon, a double slash) — are 400 problems in the caller's language, not Tomcat's
 * HTML page or an empty 400.
 */
@SpringBootTest(classes = RejectedRequestTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kedja.security.resource-server.enabled=false",
				"spring.datasource.hikari.initialization-fail-timeout=-1" })
class RejectedRequestTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void noDatabase(DynamicPropertyRegistry registry) {
		int closedPort = closedPort();
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + closedPort + "/kedja");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/probe/a%00b", "/probe/a%2Fb", "/probe/a%0Ab", "/probe/a%0D%0AFORGED", "/probe/a;b",
			"/probe//a", "/probe/a%25b", "/probe/%2e%2e/a" })
	void a_path_refused_before_the_application_is_a_400_problem(String path) {
		HttpResponse<String> answer = get(path, "en");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://kedja.se/problems/rejected-request");
		assertThat(problem.path("code").asString()).isEqualTo("rejected-request");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asString()).isEqualTo("Request refused");
		assertThat(answer.body()).doesNotContain("FORGED", "Tomcat", "Exception");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/probe/a%00b", "/probe/a%0Ab" })
	void the_refusal_speaks_the_callers_language(String path) {
		HttpResponse<String> answer = get(path, "sv");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(answer.body()).path("title").asString()).isEqualTo("Begäran avvisad");
	}

	@Test
	void an_ordinary_request_is_untouched() {
		HttpResponse<String> answer = get("/probe/plain", "en");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("plain");
	}

	@Test
	void an_unknown_address_is_still_the_applications_own_not_found_problem() {
		HttpResponse<String> answer = get("/nothing/here", "en");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(answer.body()).path("code").asString()).isEqualTo("not-found");
	}

	private HttpResponse<String> get(String path, String language) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Language", language)
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		SecurityFilterChain openToAll(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@Bean
		Probe probe() {
			return new Probe();
		}

	}

	@RestController
	static class Probe {

		@GetMapping("/probe/{name}")
		String probe(@PathVariable String name) {
			return name;
		}

	}

}
