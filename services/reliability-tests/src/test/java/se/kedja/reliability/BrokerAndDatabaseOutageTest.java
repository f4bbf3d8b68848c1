package se.kedja.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On the launcher's own broker and database (child processes that can be stopped and
 * started on the same data): the broker stopped during writes — writes still succeed, the
 * backlog drains after it returns, figures converge — and PostgreSQL restarted during
 * writes — writes fail cleanly or wait, and nothing acknowledged is lost — and during a
 * projection rebuild, which waits the outage out and swaps in the same figures.
 */
@Tag("reliability-long")
class BrokerAndDatabaseOutageTest {

	@BeforeAll
	static void built() {
		assumeTrue(Kedja.built() && RestartableBackend.available(),
				"the service jars or the launcher's libraries are not built (./kedja build)");
	}

	@Test
	void writes_survive_a_broker_outage_and_a_database_restart_and_nothing_acknowledged_is_lost() {
		long started = System.nanoTime();
		Ledger ledger = new Ledger();
		long acknowledgedDuringBrokerOutage;
		long serverErrorsDuringDatabaseOutage;
		long unavailableDuringDatabaseOutage;
		try (RestartableBackend backend = new RestartableBackend(
				Path.of("target", "outage-data-" + ProcessHandle.current().pid()).toAbsolutePath());
				Kedja kedja = new Kedja(backend, "outage-")) {
			kedja.startAll();
			Checks.Outcome outcome;
			try (CaseDriver driver = new CaseDriver(kedja.caseService::url, ledger, 3).start()) {
				awaitMore(ledger, 20);

				backend.stopKafka();
				long before = ledger.acknowledged.get();
				Waits.pause(Scale.brokerOutage());
				acknowledgedDuringBrokerOutage = ledger.acknowledged.get() - before;
				backend.startKafka();
				awaitMore(ledger, 20);

				long errorsBefore = ledger.serverErrors.get();
				long unavailableBefore = ledger.unavailable.get();
				backend.stopPostgres();
				Waits.pause(Duration.ofSeconds(10));
				backend.startPostgres();
				awaitMore(ledger, 20);
				serverErrorsDuringDatabaseOutage = ledger.serverErrors.get() - errorsBefore;
				unavailableDuringDatabaseOutage = ledger.unavailable.get() - unavailableBefore;
			}
			outcome = kedja.checks().verify(ledger);
			Summary.row("Kafka stopped " + Scale.brokerOutage().toSeconds() + " s during writes", 1, outcome.written(),
					outcome.verified(), outcome.lost(), outcome.duplicatesOnTopic(), 0,
					Duration.ofNanos(System.nanoTime() - started), outcome.held() && acknowledgedDuringBrokerOutage > 0,
					acknowledgedDuringBrokerOutage + " writes acknowledged while the broker was down");
			Summary.row("PostgreSQL restarted during writes", 1, outcome.written(), outcome.verified(), outcome.lost(),
					outcome.duplicatesOnTopic(), serverErrorsDuringDatabaseOutage + unavailableDuringDatabaseOutage,
					Duration.ofNanos(System.nanoTime() - started),
					outcome.held() && serverErrorsDuringDatabaseOutage == 0,
					unavailableDuringDatabaseOutage + " × 503 problem, " + serverErrorsDuringDatabaseOutage
							+ " × other 5xx (500 is a finding: a database outage should answer 503)");
			ledger.samples.forEach(System.out::println);
			assertThat(outcome.problems()).isEmpty();
			assertThat(outcome.lost()).isZero();
			assertThat(acknowledgedDuringBrokerOutage).as("writes go on while the broker is down").isPositive();

			RebuildOutcome rebuild = rebuildAcrossADatabaseRestart(backend, kedja.liveProgress());
			Summary.row("PostgreSQL restarted during a projection rebuild", 1, rebuild.eventsBefore(),
					rebuild.eventsAfter(), Math.max(0, rebuild.eventsBefore() - rebuild.eventsAfter()), 0, 0,
					rebuild.took(), rebuild.held(), rebuild.note());
			assertThat(rebuild.problems()).isEmpty();
			assertThat(serverErrorsDuringDatabaseOutage).as("a database outage is a 503 problem or a wait, never a 500")
				.isZero();
		}
	}

	/**
	 * The rebuild reads both topics into the shadow tables while PostgreSQL is stopped
	 * and started under it; once swapped in, the figures and the intake are those from
	 * before.
	 */
	private static RebuildOutcome rebuildAcrossADatabaseRestart(RestartableBackend backend, ServiceJar progress) {
		long started = System.nanoTime();
		Http http = new Http(progress.url());
		String figures = "/api/projects/" + CaseDriver.PROJECT + "/progress";
		String intake = "/api/admin/intake?projectId=" + CaseDriver.PROJECT;
		JsonNode goalsBefore = get(http, figures).path("goals");
		long eventsBefore = get(http, intake).path("events").asLong();
		List<String> problems = new ArrayList<>();
		try {
			Http.Response start = http.post("/api/admin/rebuild", Map.of(), Map.of());
			if (!start.ok()) {
				problems.add("POST /api/admin/rebuild → " + start);
			}
		}
		catch (IOException ex) {
			problems.add("POST /api/admin/rebuild: " + ex);
		}
		backend.stopPostgres();
		Waits.pause(Duration.ofSeconds(10));
		backend.startPostgres();
		boolean swapped = Waits.until(Duration.ofMinutes(10), () -> {
			String state = get(http, "/api/admin/rebuild").path("state").asString("");
			return state.equals("SWAPPED") || state.equals("FAILED");
		});
		JsonNode status = get(http, "/api/admin/rebuild");
		if (!swapped || !status.path("state").asString("").equals("SWAPPED")) {
			problems.add("rebuild: " + status);
		}
		long eventsAfter = get(http, intake).path("events").asLong();
		JsonNode goalsAfter = get(http, figures).path("goals");
		if (eventsAfter != eventsBefore) {
			problems.add("intake " + eventsAfter + " events after the rebuild, " + eventsBefore + " before");
		}
		if (!goalsAfter.equals(goalsBefore)) {
			problems.add("figures after the rebuild differ from those before: " + goalsAfter + " vs " + goalsBefore);
		}
		String note = "rebuild " + status.path("state").asString("?") + ", " + status.path("eventsDone").asLong()
				+ " events read, " + status.path("eventsSkipped").asLong() + " skipped"
				+ (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
		return new RebuildOutcome(eventsBefore, eventsAfter, problems, Duration.ofNanos(System.nanoTime() - started),
				note);
	}

	private static JsonNode get(Http http, String path) {
		try {
			Http.Response response = http.get(path);
			return response.ok() ? response.json() : Http.JSON.missingNode();
		}
		catch (IOException ex) {
			return Http.JSON.missingNode();
		}
	}

	private record RebuildOutcome(long eventsBefore, long eventsAfter, List<String> problems, Duration took,
			String note) {

		boolean held() {
			return this.problems.isEmpty();
		}

	}

	private static void awaitMore(Ledger ledger, int more) {
		long target = ledger.acknowledged.get() + more;
		Waits.until(Duration.ofMinutes(3), () -> ledger.acknowledged.get() >= target);
	}

}
