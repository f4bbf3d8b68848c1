package se.kedja.reliability;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kill -9} of case-service at random moments while writers send commands at full
 * speed (most kills while it serves, some during its startup), restarting it each time;
 * then every acknowledged command's events must be in the store, on the topic in order,
 * counted once by progress-service and in audit-service's unbroken copy.
 */
class CrashWhileWritingTest {

	@BeforeAll
	static void built() {
		assumeTrue(Kedja.built(), "the service jars are not built (./kedja build)");
	}

	@Test
	void nothing_acknowledged_is_lost_when_case_service_is_killed_while_writing() {
		long started = System.nanoTime();
		Kedja kedja = Kedja.shared();
		ServiceJar caseService = kedja.caseService;
		Ledger ledger = new Ledger();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int kills = Scale.kills();
		int duringStartup = 0;
		try (CaseDriver driver = new CaseDriver(caseService::url, ledger, 4).start()) {
			for (int kill = 1; kill <= kills; kill++) {
				// a third of the kills land while it starts (migrations, token claims,
				// the
				// publisher's first batch), the rest amid acknowledged traffic
				boolean inStartup = random.nextInt(3) == 0;
				if (inStartup) {
					Waits.pause(Duration.ofMillis(random.nextLong(500, 10_000)));
					duringStartup++;
				}
				else {
					caseService.awaitReady();
					long acknowledged = ledger.acknowledged.get();
					// a moment within the next few acknowledged writes, so every kill
					// lands
					// amid traffic however slow the machine is
					long target = acknowledged + random.nextLong(1, 25);
					Waits.until(Duration.ofSeconds(60), () -> ledger.acknowledged.get() >= target);
				}
				caseService.kill();
				caseService.start();
			}
			caseService.awaitReady();
			long acknowledged = ledger.acknowledged.get();
			Waits.until(Duration.ofSeconds(60), () -> ledger.acknowledged.get() >= acknowledged + 20);
		}
		Checks.Outcome outcome = kedja.checks().verify(ledger);
		Summary.row("kill -9 case-service while writing", kills, outcome.written(), outcome.verified(), outcome.lost(),
				outcome.duplicatesOnTopic(), ledger.fiveXx(), Duration.ofNanos(System.nanoTime() - started),
				outcome.held() && ledger.fiveXx() == 0, duringStartup + " kills during startup; " + ledger.acknowledged
						+ " commands acknowledged, " + ledger.retries + " retries");

		assertThat(outcome.problems()).as("what did not hold").isEmpty();
		assertThat(outcome.lost()).as("acknowledged events lost").isZero();
		assertThat(ledger.samples).as("answers that were neither 2xx nor a dropped connection").isEmpty();
		assertThat(ledger.fiveXx()).isZero();
	}

}
