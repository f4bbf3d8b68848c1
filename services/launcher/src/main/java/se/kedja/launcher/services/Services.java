package se.kedja.launcher.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import se.kedja.launcher.ChildProcess;
import se.kedja.launcher.DataDir;
import se.kedja.launcher.Install;
import se.kedja.launcher.Status;
import se.kedja.launcher.postgres.Database;

/** The services that are built, started in parallel once PostgreSQL and Kafka answer. */
public final class Services implements AutoCloseable {

	// The common pool has a single thread on a two-core machine; these waits must not
	// queue.
	private static final Executor PARALLEL = Executors.newVirtualThreadPerTaskExecutor();

	private final List<ServiceProcess> running;

	private Services(List<ServiceProcess> running) {
		this.running = running;
	}

	public static Services start(Install install, DataDir data, Database database, String bootstrapServers) {
		List<ServiceProcess> started = new ArrayList<>();
		for (KedjaService service : KedjaService.ALL) {
			Path jar = install.serviceJar(service.name());
			if (Files.isRegularFile(jar)) {
				started.add(ServiceProcess.start(service, jar, data, database, bootstrapServers));
			}
			else {
				Status.line(service.name(), "skipped: not built (" + install.repositoryRoot().relativize(jar) + ")");
			}
		}
		return new Services(started);
	}

	/** Waits for every service's readiness probe; the first failure is thrown. */
	public void awaitReady() {
		long since = System.nanoTime();
		try {
			CompletableFuture.allOf(running.stream().map((process) -> CompletableFuture.runAsync(() -> {
				process.awaitReady();
				Status.line(process.service().name(),
						"ready on http://localhost:" + process.service().port() + " in " + Status.seconds(since));
			}, PARALLEL)).toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	public List<KedjaService> running() {
		return running.stream().map(ServiceProcess::service).toList();
	}

	public List<ChildProcess> children() {
		return running.stream().map(ServiceProcess::child).toList();
	}

	@Override
	public void close() {
		CompletableFuture
			.allOf(running.stream()
				.map((process) -> CompletableFuture.runAsync(process::stop, PARALLEL))
				.toArray(CompletableFuture[]::new))
			.join();
	}

}
