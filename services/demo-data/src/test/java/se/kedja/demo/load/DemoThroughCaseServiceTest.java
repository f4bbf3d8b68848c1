package se.kedja.demo.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.demo.generate.DemoGenerator;
import se.kedja.demo.generate.DemoSummary;
import se.kedja.testsupport.TestInfrastructure;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Feeds generated projects through the real case-service, started from its built jar as a
 * child process against test-support's PostgreSQL and Kafka, and compares its caseload
 * with the generator's own count. Skipped when case-service is not built.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoThroughCaseServiceTest {

	static final Path JAR = Path.of("../case-service/target/case-service.jar");

	static final Path PROJECTS = Path.of("../case-service/src/main/resources/projects").toAbsolutePath().normalize();

	static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final JsonMapper JSON = JsonMapper.builder().build();

	Process caseService;

	URI base;

	@BeforeAll
	void startCaseService() throws Exception {
		assumeTrue(Files.isRegularFile(JAR), "case-service is not built: " + JAR.toAbsolutePath());
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = infrastructure.createDatabase("demo_data_" + System.nanoTime() % 1_000_000);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.base = URI.create("http://localhost:" + port);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target/case-service-for-demo-test.log").toFile());
		builder.environment()
			.putAll(Map.of("SPRING_DATASOURCE_URL", database + "?currentSchema=cases", "SPRING_DATASOURCE_USERNAME",
					infrastructure.username(), "SPRING_DATASOURCE_PASSWORD", infrastructure.password(),
					"SPRING_FLYWAY_DEFAULT_SCHEMA", "cases", "SPRING_FLYWAY_SCHEMAS", "cases",
					"SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers(), "SERVER_PORT",
					Integer.toString(port), "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true", "KEDJA_DEV_MODE",
					"true", "KEDJA_PROJECTS_DIR", "file:" + PROJECTS + "/"));
		builder.environment().put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", TestTokens.get().issuer());
		this.caseService = builder.start();
		awaitReady(Duration.ofMinutes(4));
	}

	@AfterAll
	void stopCaseService() throws InterruptedException {
		if (this.caseService != null) {
			this.caseService.destroy();
			this.caseService.waitFor();
		}
	}

	@Test
	void every_generated_participant_is_in_case_service_caseload_and_a_rerun_records_nothing_twice() throws Exception {
		DemoGenerator generator = DemoGenerator.only(20081201, TODAY, List.of("mellan-stolarna"));
		DemoSummary expected = DemoSummary.of(generator.histories(), generator.cutoff());
		DemoLoader loader = new DemoLoader(this.base, URI.create("http://localhost:1"), 4, System.out::println,
				DemoThroughCaseServiceTest::bearer);

		DemoLoader.Result first = loader.load(generator);

		assertThat(first.failures()).isEmpty();
		for (String project : List.of("mellan-stolarna")) {
			assertThat(caseload(project, null)).as(project).isEqualTo(expected.get(project, "participants"));
			assertThat(caseload(project, "active")).as(project + " still active")
				.isEqualTo(expected.get(project, "active"));
		}
		var period = JSON.readTree(get("/api/projects/mellan-stolarna").body()).path("definition");
		assertThat(LocalDate.parse(period.path("periodEnd").asString())).isAfter(TODAY);

		DemoLoader.Result again = loader.load(generator);

		assertThat(again.failures()).isEmpty();
		assertThat(again.replayed()).isEqualTo(again.commands());
		assertThat(caseload("mellan-stolarna", null)).isEqualTo(expected.get("mellan-stolarna", "participants"));
	}

	private long caseload(String project, String status) throws Exception {
		String query = "/api/projects/" + project + "/participants?size=1"
				+ ((status != null) ? "&status=" + status : "");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long total;
		long last = -1;
		do {
			total = JSON.readTree(get(query).body()).path("total").asLong();
			if (total == last) {
				return total;
			}
			last = total;
			Thread.sleep(1000);
		}
		while (System.nanoTime() < deadline);
		return total;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path));
		bearer().ifPresent((value) -> request.header("Authorization", value));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	// The demo loader's own machine client holds every role in every project.
	private static Optional<String> bearer() {
		return Optional.of("Bearer " + TestTokens.get().unrestricted("kedja-demo-loader"));
	}

	private void awaitReady(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.caseService.isAlive()) {
				throw new IllegalStateException(
						"case-service stopped during startup; see target/case-service-for-demo-test.log");
			}
			try {
				if (get("/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("case-service was not ready in " + timeout);
	}

}
