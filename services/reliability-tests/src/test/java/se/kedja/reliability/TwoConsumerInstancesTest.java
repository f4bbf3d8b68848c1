package se.kedja.reliability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second instance of progress-service and of audit-service joins each consumer group
 * during writes; then the first instances are killed with {@code kill -9}. Every event
 * must still be applied once: the survivors take over every partition.
 */
class TwoConsumerInstancesTest {

	@BeforeAll
	static void built() {
		assumeTrue(Kedja.built(), "the service jars are not built (./kedja build)");
	}

	@Test
	void a_second_instance_of_each_consumer_shares_the_work_and_takes_over_when_the_first_dies() {
		long started = System.nanoTime();
		Kedja kedja = Kedja.shared();
		Ledger ledger = new Ledger();
		ServiceJar progressOne = kedja.liveProgress();
		ServiceJar auditOne = kedja.liveAudit();
		ServiceJar progressTwo = kedja.progressInstance();
		kedja.progress.add(progressTwo);
		ServiceJar auditTwo = kedja.auditInstance();
		kedja.audit.add(auditTwo);
		try (CaseDriver driver = new CaseDriver(kedja.caseService::url, ledger, 3).start()) {
			progressTwo.start();
			auditTwo.start();
			CompletableFuture
				.allOf(CompletableFuture.runAsync(progressTwo::awaitReady, Thread::startVirtualThread),
						CompletableFuture.runAsync(auditTwo::awaitReady, Thread::startVirtualThread))
				.join();
			long acknowledged = ledger.acknowledged.get();
			Waits.until(Duration.ofSeconds(90), () -> ledger.acknowledged.get() >= acknowledged + 30);
			progressOne.kill();
			auditOne.kill();
			long afterKill = ledger.acknowledged.get();
			Waits.until(Duration.ofSeconds(90), () -> ledger.acknowledged.get() >= afterKill + 30);
		}
		Checks.Outcome outcome = kedja.checks().verify(ledger);
		Summary.row("two instances of each consumer, first ones killed", 2, outcome.written(), outcome.verified(),
				outcome.lost(), outcome.duplicatesOnTopic(), ledger.fiveXx(),
				Duration.ofNanos(System.nanoTime() - started), outcome.held() && ledger.fiveXx() == 0,
				ledger.acknowledged + " commands acknowledged");

		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.lost()).isZero();
		assertThat(ledger.fiveXx()).isZero();
	}

}
