package se.kedja.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded default under test: started by the bench on a fresh temporary data folder
 * (the launcher as a child process, its status lines echoed), or a running one found by
 * its launcher's command line ({@code --attach}). Also the resident memory of the
 * launcher's process tree, read from {@code /proc/<pid>/status}.
 */
final class Kedja {

	final Path dataDir;

	final boolean attached;

	private final Process launcher;

	private final ProcessHandle root;

	final double startupSeconds;

	final Map<String, String> readyLines;

	private Kedja(Path dataDir, boolean attached, Process launcher, ProcessHandle root, double startupSeconds,
			Map<String, String> readyLines) {
		this.dataDir = dataDir;
		this.attached = attached;
		this.launcher = launcher;
		this.root = root;
		this.startupSeconds = startupSeconds;
		this.readyLines = readyLines;
	}

	static Kedja start(Path repo, Path dataDir, boolean demo, Path jfrDir, Duration timeout, Consumer<String> out)
			throws IOException, InterruptedException {
		Path jar = repo.resolve("services/launcher/target/launcher.jar");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--data-dir",
				dataDir.toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
		if (!demo) {
			builder.environment().put("KEDJA_DEMO", "off");
		}
		if (jfrDir != null) {
			// every JVM of the tree (launcher, broker, services) records a flight
			// recording
			Files.createDirectories(jfrDir);
			builder.environment()
				.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfrDir.toAbsolutePath()
						+ "/%p.jfr,dumponexit=true,settings=profile");
		}
		long started = System.nanoTime();
		Process process = builder.start();
		// if the bench itself is stopped (Ctrl-C), Kedja stops with it
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (process.isAlive()) {
				process.destroy();
				try {
					process.waitFor(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, "stop-kedja"));
		CountDownLatch ready = new CountDownLatch(1);
		boolean[] readySeen = { false };
		Map<String, String> readyLines = new LinkedHashMap<>();
		List<String> tail = new ArrayList<>();
		Thread reader = Thread.ofPlatform().daemon().name("launcher-output").start(() -> {
			try (BufferedReader lines = process.inputReader()) {
				String line;
				while ((line = lines.readLine()) != null) {
					synchronized (tail) {
						tail.add(line);
						if (tail.size() > 40) {
							tail.remove(0);
						}
					}
					// the launcher's status lines; a child's stack trace stays in its log
					if ((line.startsWith("[") && !line.contains("[jfr")) || line.contains("Kedja is ready")) {
						out.accept("[kedja] " + line.strip());
					}
					if (line.contains(" ready ")) {
						int bracket = line.indexOf(']');
						readyLines.put(line.substring(0, Math.max(0, bracket + 1)).strip(), line.strip());
					}
					if (line.contains("Kedja is ready")) {
						readySeen[0] = true;
						ready.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the launcher ended
			}
			ready.countDown();
		});
		boolean inTime = ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!inTime || !readySeen[0] || !process.isAlive()) {
			process.destroy();
			process.waitFor(30, TimeUnit.SECONDS);
			reader.join(1000);
			synchronized (tail) {
				throw new IllegalStateException(
						(inTime ? "the launcher stopped" : "Kedja was not ready within " + timeout.toSeconds() + " s")
								+ "; its last lines:\n" + String.join("\n", tail));
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Kedja(dataDir, false, process, process.toHandle(), seconds, readyLines);
	}

	static Kedja attach(Path dataDir) {
		Optional<ProcessHandle> launcher = ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.commandLine()
				.map((line) -> line.contains("-jar") && line.contains("launcher.jar"))
				.orElse(false))
			.findFirst();
		return new Kedja(dataDir, true, null, launcher.orElse(null), Double.NaN, Map.of());
	}

	/**
	 * Stops a Kedja the bench started (SIGTERM, which the launcher turns into a clean
	 * stop).
	 */
	void stop(Consumer<String> out) throws InterruptedException {
		if (this.launcher == null) {
			return;
		}
		out.accept("stopping Kedja ...");
		this.launcher.destroy();
		if (!this.launcher.waitFor(90, TimeUnit.SECONDS)) {
			this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			this.launcher.destroyForcibly();
		}
	}

	/**
	 * Deletes the temporary data folder, keeping its logs in {@code keepLogs}.
	 */
	void wipe(Path keepLogs) {
		if (this.attached) {
			return;
		}
		try {
			Files.move(this.dataDir.resolve("logs"), keepLogs);
		}
		catch (IOException ex) {
			// no logs to keep
		}
		try (Stream<Path> paths = Files.walk(this.dataDir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// best effort: a temporary folder
		}
	}

	/**
	 * A memory figure (MiB; {@code kib} reads it in KiB for one pid) of each process in
	 * the launcher's tree, by name (PostgreSQL's server processes summed), and their
	 * total.
	 */
	Map<String, Double> memoryMiB(java.util.function.LongUnaryOperator kib) {
		return byName((process) -> kib.applyAsLong(process.pid()) / 1024.0, true);
	}

	/**
	 * CPU time (user + system, seconds) used so far by each process in the launcher's
	 * tree, by name. A PostgreSQL backend that has ended is no longer counted, so a delta
	 * over a window is exact only for the long-lived processes (the services' pooled
	 * connections are).
	 */
	Map<String, Double> cpuSeconds() {
		return byName((process) -> process.info().totalCpuDuration().map((d) -> d.toNanos() / 1e9).orElse(0.0), false);
	}

	private Map<String, Double> byName(java.util.function.ToDoubleFunction<ProcessHandle> value, boolean skipZero) {
		Map<String, Double> values = new LinkedHashMap<>();
		if (this.root == null) {
			return values;
		}
		for (ProcessHandle process : tree()) {
			double v = value.applyAsDouble(process);
			if (skipZero && v <= 0) {
				continue;
			}
			String name = name(process);
			// one row for the database server's processes together
			values.merge(name.startsWith("postgres ") ? "postgres (server processes)" : name, v, Double::sum);
		}
		double total = values.values().stream().mapToDouble(Double::doubleValue).sum();
		values.put("total", total);
		return values;
	}

	private List<ProcessHandle> tree() {
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(this.root);
		this.root.descendants().forEach(tree::add);
		// pg_ctl starts the postmaster detached, so it is no descendant of the launcher:
		// it is found by its data directory, with its backends
		String pgData = this.dataDir.resolve("postgres").toString();
		ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().map((c) -> c.endsWith("/postgres")).orElse(false))
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(pgData)).orElse(false))
			.filter((process) -> !tree.contains(process))
			.forEach((postmaster) -> {
				tree.add(postmaster);
				postmaster.descendants().filter((child) -> !tree.contains(child)).forEach(tree::add);
			});
		return tree;
	}

	private static String name(ProcessHandle process) {
		String line = process.info().commandLine().orElse("");
		if (line.contains("KafkaChild") || line.contains("kafka.Kafka")) {
			return "kafka";
		}
		if (line.contains("PostgresChild")) {
			return "postgres (zonky JVM)";
		}
		if (line.contains("launcher.jar") && !line.contains(" -cp ")) {
			return "launcher";
		}
		for (String service : List.of("case-service", "progress-service", "audit-service", "identity", "web",
				"demo-data")) {
			if (line.contains("/" + service + ".jar")) {
				return service;
			}
		}
		if (line.contains("KafkaChild") || line.contains("kafka.Kafka")) {
			return "kafka";
		}
		if (line.contains("PostgresChild")) {
			return "postgres (zonky JVM)";
		}
		String command = process.info().command().orElse("?");
		if (command.endsWith("/postgres") || line.startsWith("postgres")) {
			return "postgres " + process.pid();
		}
		return command.substring(command.lastIndexOf('/') + 1) + " " + process.pid();
	}

}
