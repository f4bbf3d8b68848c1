package se.kedja.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service's built fat jar as a child JVM, configured only by environment variables as
 * the launcher does. Its port stays the same across restarts, its output is appended to
 * one log per instance, and its stdin stays open so it ends when the test JVM does.
 */
final class ServiceJar {

	static final Path SERVICES = Path.of("..").toAbsolutePath().normalize();

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

	private final String service;

	private final String instance;

	private final Map<String, String> env;

	private final int port;

	private final Path log;

	private Process process;

	private OutputStream stdin;

	private int starts;

	private final FastStart fastStart;

	ServiceJar(String service, String instance, String schema, Backend backend, Map<String, String> extraEnv) {
		this.service = service;
		this.instance = instance;
		this.port = freePort();
		this.log = Path.of("target", "logs", instance + ".log").toAbsolutePath();
		Map<String, String> env = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", backend.jdbcUrl(schema),
				"SPRING_DATASOURCE_USERNAME", backend.username(), "SPRING_DATASOURCE_PASSWORD", backend.password(),
				"SPRING_FLYWAY_DEFAULT_SCHEMA", schema, "SPRING_FLYWAY_SCHEMAS", schema,
				"SPRING_KAFKA_BOOTSTRAP_SERVERS", backend.bootstrapServers(), "SERVER_PORT",
				Integer.toString(this.port), "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true",
				"KEDJA_EXIT_ON_STDIN_CLOSE", "true", "KEDJA_DEV_MODE", "true"));
		env.putAll(Auth.serviceEnvironment());
		env.putAll(extraEnv);
		this.env = Map.copyOf(env);
		this.fastStart = new FastStart(instance, jar(service));
	}

	static Path jar(String service) {
		return SERVICES.resolve(service).resolve("target").resolve(service + ".jar");
	}

	static boolean built(String... services) {
		for (String service : services) {
			if (!Files.isRegularFile(jar(service))) {
				return false;
			}
		}
		return true;
	}

	String name() {
		return this.instance;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Path log() {
		return this.log;
	}

	int starts() {
		return this.starts;
	}

	/**
	 * Trains a class-data archive before the first start, for a service restarted many
	 * times (see {@link FastStart}); this instance's later starts use it.
	 */
	void prepareFastStart() {
		this.fastStart.prepare(jvm(), this.env, this.log);
	}

	private List<String> jvm() {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m",
				"-Dkedja.reliability.instance=" + this.instance);
	}

	synchronized void start() {
		List<String> command = new ArrayList<>(jvm());
		command.addAll(this.fastStart.arguments());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.env);
		try {
			Files.createDirectories(this.log.getParent());
			Files.writeString(this.log, "%n==== start %d of %s ====%n".formatted(this.starts + 1, this.instance),
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			this.process = builder.start();
			this.stdin = this.process.getOutputStream();
			this.starts++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.instance, ex);
		}
	}

	void startAndAwait() {
		start();
		awaitReady();
	}

	void awaitReady() {
		Http http = new Http(url());
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException(this.instance + " stopped during startup; see " + this.log);
			}
			if (http.ready()) {
				return;
			}
			Waits.pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException(this.instance + " was not ready in " + READY_TIMEOUT + "; see " + this.log);
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	synchronized long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook, no flush, no goodbye to the broker. */
	synchronized void kill() {
		if (this.process == null) {
			return;
		}
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** SIGTERM, then SIGKILL if it takes too long. */
	synchronized void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!awaitExit(Duration.ofSeconds(30))) {
			kill();
		}
	}

	private boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Resident memory in kB, from /proc; 0 when not running. */
	long residentKb() {
		if (!isAlive()) {
			return 0;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			// exited meanwhile
		}
		return 0;
	}

	/** Lines logged at ERROR level since the log began. */
	List<String> errorLines() {
		try {
			return Files.readAllLines(this.log).stream().filter((line) -> ERROR_LINE.matcher(line).find()).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	String logText() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
