package se.kedja.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The services under test against one backend: case-service, and one or more instances of
 * progress-service and audit-service (instances of one service share their consumer
 * group). The system on test-support's backend is started once per test JVM and shared by
 * the test classes, which run one after the other.
 */
final class Kedja implements AutoCloseable {

	private static Kedja shared;

	final Backend backend;

	final ServiceJar caseService;

	final List<ServiceJar> progress = new ArrayList<>();

	final List<ServiceJar> audit = new ArrayList<>();

	private final String prefix;

	Kedja(Backend backend, String prefix) {
		this.backend = backend;
		this.prefix = prefix;
		this.caseService = new ServiceJar("case-service", prefix + "case-service", "cases", backend, Map.of());
		this.progress.add(progressInstance());
		this.audit.add(auditInstance());
	}

	static boolean built() {
		return ServiceJar.built("case-service", "progress-service", "audit-service");
	}

	static synchronized Kedja shared() {
		if (shared == null) {
			Kedja kedja = new Kedja(new SharedBackend("reliability_" + ProcessHandle.current().pid()), "");
			Runtime.getRuntime().addShutdownHook(new Thread(kedja::close, "reliability-stop"));
			// the crash scenario restarts case-service dozens of times
			kedja.caseService.prepareFastStart();
			kedja.startAll();
			shared = kedja;
		}
		return shared;
	}

	ServiceJar progressInstance() {
		return new ServiceJar("progress-service", this.prefix + "progress-service-" + (this.progress.size() + 1),
				"progress", this.backend, Map.of());
	}

	ServiceJar auditInstance() {
		return new ServiceJar("audit-service", this.prefix + "audit-service-" + (this.audit.size() + 1), "audit",
				this.backend, Map.of());
	}

	void startAll() {
		List<ServiceJar> all = all();
		// case-service first: it runs the Flyway migrations of its schema and creates the
		// project definitions the others read from the project topic
		this.caseService.startAndAwait();
		all.stream().filter((jar) -> jar != this.caseService).forEach(ServiceJar::start);
		CompletableFuture
			.allOf(all.stream()
				.filter((jar) -> jar != this.caseService)
				.map((jar) -> CompletableFuture.runAsync(jar::awaitReady, Thread::startVirtualThread))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	List<ServiceJar> all() {
		List<ServiceJar> all = new ArrayList<>();
		all.add(this.caseService);
		all.addAll(this.progress);
		all.addAll(this.audit);
		return all;
	}

	ServiceJar liveProgress() {
		return this.progress.stream().filter(ServiceJar::isAlive).findFirst().orElseThrow();
	}

	ServiceJar liveAudit() {
		return this.audit.stream().filter(ServiceJar::isAlive).findFirst().orElseThrow();
	}

	Checks checks() {
		return new Checks(this.backend, liveProgress().url(), liveAudit().url());
	}

	@Override
	public void close() {
		all().forEach(ServiceJar::stop);
	}

}
