package se.kedja.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.kedja.launcher.kafka.KafkaServer;
import se.kedja.launcher.postgres.PostgresServer;
import se.kedja.launcher.services.KedjaService;
import se.kedja.launcher.services.Services;

/**
 * The embedded default: a real PostgreSQL and a real Kafka broker whose data lives in one
 * folder, then every built service, from one command and with nothing installed but a
 * JDK.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		if (List.of(args).contains("--help")) {
			System.out.println(Settings.USAGE);
			return;
		}
		try {
			run(Settings.from(args, System.getenv()));
		}
		catch (LaunchException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

	private static void run(Settings settings) {
		long started = System.nanoTime();
		DataDir data = settings.data();
		FileLock lock = data.tryLock();
		if (lock == null) {
			throw new LaunchException("Kedja is already running with " + data.root() + "; stop it first.");
		}
		if (settings.wipe()) {
			wipe(data);
			return;
		}
		ChildProcess.stopLeftovers(data);
		Install install = Install.locate();
		Shutdown shutdown = new Shutdown();
		Runtime.getRuntime().addShutdownHook(new Thread(shutdown::stopAll, "kedja-shutdown"));

		List<String> schemas = KedjaService.ALL.stream().map(KedjaService::schema).toList();
		CompletableFuture<PostgresServer> postgres = CompletableFuture
			.supplyAsync(() -> shutdown.started(PostgresServer.start(install, data, settings.postgresPort(), schemas)));
		KafkaServer kafka = shutdown
			.started(KafkaServer.start(install, data, settings.kafkaPort(), settings.kafkaControllerPort()));
		PostgresServer database = joinUnwrapped(postgres);
		Services services = shutdown
			.started(Services.start(install, data, database.database(), kafka.bootstrapServers()));
		services.awaitReady();
		DemoData.loadOnFirstStart(install, data, services.running());

		System.out.println();
		System.out.println("Kedja is ready in " + Status.seconds(started) + " — " + whereToGo(services, settings)
				+ " (data in " + data.root() + "; Ctrl-C stops)");
		exitWhenAChildDies(shutdown, services, kafka, database);
	}

	private static String whereToGo(Services services, Settings settings) {
		List<KedjaService> running = services.running();
		Optional<KedjaService> web = running.stream().filter((service) -> service.name().equals("web")).findFirst();
		if (web.isPresent()) {
			return "open http://localhost:" + web.get().port();
		}
		Optional<KedjaService> caseService = running.stream()
			.filter((service) -> service.name().equals("case-service"))
			.findFirst();
		if (caseService.isPresent()) {
			return "open http://localhost:" + caseService.get().port() + "/v3/api-docs";
		}
		if (running.isEmpty()) {
			return "no services are built yet; PostgreSQL on localhost:" + settings.postgresPort()
					+ ", Kafka on localhost:" + settings.kafkaPort();
		}
		return running.stream()
			.map((service) -> service.name() + " on http://localhost:" + service.port())
			.collect(Collectors.joining(", "));
	}

	private static void exitWhenAChildDies(Shutdown shutdown, Services services, KafkaServer kafka,
			PostgresServer database) {
		List<CompletableFuture<ChildProcess>> exits = new ArrayList<>();
		services.children().forEach((child) -> exits.add(child.onExit()));
		exits.add(kafka.child().onExit());
		exits.add(database.child().onExit());
		ChildProcess died = (ChildProcess) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
		if (!shutdown.isStopping()) {
			Status.line(died.name(), "stopped unexpectedly (exit " + died.exitValue() + "); see " + died.log());
			System.exit(1);
		}
	}

	private static <T> T joinUnwrapped(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private static void wipe(DataDir data) {
		ChildProcess.stopLeftovers(data);
		PostgresServer.stopOrphan(data);
		try (Stream<Path> paths = Files.walk(data.root())) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Deleted " + data.root());
	}

}
