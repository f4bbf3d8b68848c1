package se.kedja.reliability;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

			// the rebuild reads both topics into the shadow tables while PostgreSQL is
			// stopped and started under it
			ProgressRebuild.Outcome rebuild = ProgressRebuild.compare(kedja.liveProgress(), () -> {
				backend.stopPostgres();
				Waits.pause(Duration.ofSeconds(10));
				backend.startPostgres();
			});
			Summary.row("PostgreSQL restarted during a projection rebuild", 1, rebuild.eventsBefore(),
					rebuild.eventsAfter(), Math.max(0, rebuild.eventsBefore() - rebuild.eventsAfter()), 0, 0,
					rebuild.took(), rebuild.held(), rebuild.note());
			assertThat(rebuild.problems()).isEmpty();
			assertThat(serverErrorsDuringDatabaseOutage).as("a database outage is a 503 problem or a wait, never a 500")
				.isZero();
		}
	}

	private static void awaitMore(Ledger ledger, int more) {
		long target = ledger.acknowledged.get() + more;
		Waits.until(Duration.ofMinutes(3), () -> ledger.acknowledged.get() >= target);
	}

}
