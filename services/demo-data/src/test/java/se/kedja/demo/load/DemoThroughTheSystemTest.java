package se.kedja.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.demo.generate.DemoGenerator;
import se.kedja.demo.generate.DemoSummary;
import se.kedja.demo.generate.GoalFigures;
import se.kedja.demo.generate.GoalFigures.Figure;
import se.kedja.demo.generate.SeedProject;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The five seed projects, generated and loaded as the demo loader does, through the real
 * system: case-service (its API, its event store in PostgreSQL) → Kafka →
 * progress-service, each service from its built jar (skipped when they are not built).
 * Every goal figure progress-service shows — total and by gender and site — must equal
 * the generator's own count of what it generated ({@link GoalFigures}), as of the day
 * progress-service calls today.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoThroughTheSystemTest {

	static final long SEED = 20081201;

	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	/**
	 * Smaller than the default demo, except Orangeriet: whether each of its sites keeps
	 * 20 participants at all times only means something at the seed's own size.
	 */
	static final Map<String, Integer> SIZES = sizes();

	private static Map<String, Integer> sizes() {
		Map<String, Integer> sizes = new LinkedHashMap<>();
		sizes.put("orangeriet", 332);
		sizes.put("sesam", 40);
		sizes.put("samverkan-utan-granser", 40);
		sizes.put("mellan-stolarna", 30);
		sizes.put("kompetenta-anordnare", 150);
		return sizes;
	}

	static final Duration SETTLED = Duration.ofSeconds(60);

	static final Duration AT_MOST = Duration.ofMinutes(8);

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final JsonMapper JSON = JsonMapper.builder().build();

	final DemoGenerator generator = DemoGenerator.sized(SEED, TODAY, SIZES);

	KedjaServices services;

	DemoLoader loader;

	DemoLoader.Result loaded;

	@BeforeAll
	void loadTheDemo() {
		assumeTrue(KedjaServices.built(), "case-service, progress-service and audit-service are not all built");
		this.services = KedjaServices.start();
		this.loader = new DemoLoader(this.services.url("case-service"), this.services.url("audit-service"), 16,
				System.out::println, DemoThroughTheSystemTest::bearer);
		this.loaded = this.loader.load(this.generator);
	}

	@AfterAll
	void stopTheServices() {
		if (this.services != null) {
			this.services.close();
		}
	}

	@Test
	@Order(1)
	void every_command_is_accepted_and_every_correction_sent() {
		assertThat(this.loaded.failures()).isEmpty();
		assertThat(this.loaded.correctionsSkipped()).isZero();
		assertThat(this.loaded.corrections()).isPositive();
		SIZES.forEach((project, size) -> assertThat(this.loaded.participants().get(project)).as(project)
			.isEqualTo(size.longValue()));
	}

	@Test
	@Order(2)
	void every_goal_kind_of_every_project_is_exercised_by_the_generated_data() {
		Map<String, Map<String, GoalFigures.Goal>> expected = GoalFigures.of(this.generator, TODAY);
		List<String> idle = new ArrayList<>();
		expected.forEach((project, goals) -> {
			Map<String, Boolean> kinds = new TreeMap<>();
			goals.forEach((id, goal) -> {
				kinds.merge(goal.kind(), goal.discriminates(), Boolean::logicalOr);
				if (!goal.discriminates()) {
					System.out.println("[figures] " + project + " / " + id + " is all or nothing: " + goal.total()
							+ " of " + goal.considered());
				}
			});
			kinds.forEach((kind, exercised) -> {
				if (!exercised) {
					idle.add(project + " / " + kind);
				}
			});
		});
		assertThat(idle).as("goal kinds whose every goal is met by all or by none").isEmpty();
	}

	@Test
	@Order(3)
	void every_goal_figure_of_every_seed_project_is_the_generators_own_count() {
		List<String> differences = awaitFigures(this.generator.projects());

		assertThat(differences).as("project / goal [/ breakdown bucket]: expected, actual").isEmpty();
	}

	@Test
	@Order(4)
	void every_participant_is_in_case_service_caseload() throws Exception {
		DemoSummary expected = DemoSummary.of(this.generator.histories(), this.generator.cutoff());
		for (String project : SIZES.keySet()) {
			assertThat(caseload(project, null)).as(project).isEqualTo(expected.get(project, "participants"));
			assertThat(caseload(project, "exited")).as(project + " exited").isEqualTo(expected.get(project, "exited"));
			JsonNode definition = JSON
				.readTree(get(this.services.url("case-service"), "/api/projects/" + project).body())
				.path("definition");
			assertThat(LocalDate.parse(definition.path("periodEnd").asString())).as(project).isAfter(TODAY);
		}
	}

	@Test
	@Order(5)
	void a_rerun_records_nothing_twice_and_changes_no_figure() {
		DemoGenerator again = DemoGenerator.sized(SEED, TODAY, Map.of("mellan-stolarna", SIZES.get("mellan-stolarna")));

		DemoLoader.Result rerun = this.loader.load(again);

		assertThat(rerun.failures()).isEmpty();
		assertThat(rerun.replayed()).isEqualTo(rerun.commands()).isPositive();
		assertThat(awaitFigures(again.projects())).isEmpty();
	}

	/**
	 * Compares progress-service's figures with the generator's until they agree, or until
	 * they have stopped changing for a while; then answers the differences left.
	 */
	private List<String> awaitFigures(List<SeedProject> projects) {
		long deadline = System.nanoTime() + AT_MOST.toNanos();
		Map<LocalDate, Map<String, Map<String, GoalFigures.Goal>>> expected = new HashMap<>();
		String last = "";
		long unchangedSince = System.nanoTime();
		while (true) {
			List<String> differences = new ArrayList<>();
			StringBuilder seen = new StringBuilder();
			for (SeedProject project : projects) {
				JsonNode progress = JSON.readTree(progress(project.id()));
				seen.append(progress.path("goals"));
				LocalDate asOf = LocalDate.parse(progress.path("asOf").asString());
				differences.addAll(ProgressComparison.differences(project.id(),
						expected.computeIfAbsent(asOf, (day) -> GoalFigures.of(this.generator, day)).get(project.id()),
						progress.path("goals")));
			}
			if (differences.isEmpty()) {
				return differences;
			}
			if (!seen.toString().equals(last)) {
				last = seen.toString();
				unchangedSince = System.nanoTime();
			}
			if (System.nanoTime() - unchangedSince > SETTLED.toNanos() || System.nanoTime() > deadline) {
				return differences;
			}
			KedjaServices.pause(2000);
		}
	}

	private String progress(String project) {
		try {
			HttpResponse<String> response = get(this.services.url("progress-service"),
					"/api/projects/" + project + "/progress");
			return (response.statusCode() == 200) ? response.body() : "{\"asOf\":\"" + TODAY + "\",\"goals\":[]}";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long caseload(String project, String status) throws Exception {
		String query = "/api/projects/" + project + "/participants?size=1"
				+ ((status != null) ? "&status=" + status : "");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long total;
		long last = -1;
		do {
			total = JSON.readTree(get(this.services.url("case-service"), query).body()).path("total").asLong();
			if (total == last) {
				return total;
			}
			last = total;
			KedjaServices.pause(1000);
		}
		while (System.nanoTime() < deadline);
		return total;
	}

	private static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
		bearer().ifPresent((value) -> request.header("Authorization", value));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static volatile String token = "";

	private static volatile long tokenMintedAt;

	// The demo loader's own machine client holds every role in every project; one token a
	// minute rather than one signature per request.
	private static Optional<String> bearer() {
		if (token.isEmpty() || System.nanoTime() - tokenMintedAt > Duration.ofMinutes(1).toNanos()) {
			tokenMintedAt = System.nanoTime();
			token = TestTokens.get().unrestricted("kedja-demo-loader");
		}
		return Optional.of("Bearer " + token);
	}

}
