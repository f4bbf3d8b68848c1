package se.kedja.support.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose database does not answer: a real connection pool and driver pointed at
 * a port where nothing listens, behind real HTTP. The caller gets a 503 problem with
 * {@code Retry-After}, also when the service's own advice would make the wrapped failure
 * a 500; any other failure is still a 500.
 */
@SpringBootTest(classes = DatabaseUnavailableTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kedja.security.resource-server.enabled=false",
				"spring.datasource.hikari.connection-timeout=500",
				"spring.datasource.hikari.initialization-fail-timeout=-1" })
class DatabaseUnavailableTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void databaseNobodyAnswers(DynamicPropertyRegistry registry) {
		int closedPort = closedPort();
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + closedPort + "/kedja");
		registry.add("spring.datasource.username", () -> "kedja");
		registry.add("spring.datasource.password", () -> "kedja");
	}

	@Test
	void a_query_without_a_database_is_a_503_problem_with_retry_after() {
		HttpResponse<String> answer = get("/probe/query", "en");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://kedja.se/problems/service-unavailable");
		assertThat(problem.path("code").asString()).isEqualTo("service-unavailable");
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(problem.path("title").asString()).isEqualTo("Temporarily unavailable");
		assertThat(answer.body()).doesNotContain("jdbc:", "Exception", "localhost");
	}

	@Test
	void an_outage_wrapped_by_a_service_of_its_own_is_still_a_503_problem_in_the_callers_language() {
		HttpResponse<String> answer = get("/probe/wrapped", "sv");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("code").asString()).isEqualTo("service-unavailable");
		assertThat(problem.path("title").asString()).isEqualTo("Tillfälligt otillgänglig");
	}

	@Test
	void a_failure_that_is_not_the_database_stays_an_internal_error() {
		HttpResponse<String> answer = get("/probe/broken", "en");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
		assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
		assertThat(JSON.readTree(answer.body()).path("code").asString()).isEqualTo("internal-error");
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
		Probe probe(JdbcClient jdbc) {
			return new Probe(jdbc);
		}

		@Bean
		WrapperAdvice wrapperAdvice() {
			return new WrapperAdvice();
		}

	}

	@RestController
	static class Probe {

		private final JdbcClient jdbc;

		Probe(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/probe/query")
		int query() {
			return this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}

		@GetMapping("/probe/wrapped")
		int wrapped() {
			try {
				return query();
			}
			catch (RuntimeException ex) {
				throw new WrappedFailure(ex);
			}
		}

		@GetMapping("/probe/broken")
		int broken() {
			throw new IllegalStateException("not the database");
		}

	}

	/** What Axon does to a failure on its way out of a command handler. */
	static class WrappedFailure extends RuntimeException {

		WrappedFailure(Throwable cause) {
			super("wrapped", cause);
		}

	}

	/** A service's own handler for the wrapper, first in line like case-service's. */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class WrapperAdvice {

		@ExceptionHandler(WrappedFailure.class)
		ResponseEntity<String> wrapped(WrappedFailure ex) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("wrapped failure");
		}

	}

}
