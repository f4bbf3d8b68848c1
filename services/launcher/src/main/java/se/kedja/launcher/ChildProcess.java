package se.kedja.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM started by the launcher. Its output goes to {@code logs/<name>.log}; its stdin is
 * a pipe the launcher never closes, so the child can exit when the launcher dies; its pid
 * is written to {@code pids/<name>.pid} and it carries {@code -Dkedja.child} and
 * {@code -Dkedja.data} markers, so the next launcher can recognise and stop it if it
 * lingers.
 */
public final class ChildProcess {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Options that hand freed native memory back to the system every 5 s: glibc keeps
	 * what the JIT compiler's arenas free, and the services' footprint grew by about 140
	 * MiB once C2 compiled in them. The option is a product option from JDK 22 on;
	 * children run on the launcher's own JDK, so on JDK 21 nothing is added.
	 */
	public static List<String> nativeMemoryTrimming() {
		return (Runtime.version().feature() >= 22) ? List.of("-XX:TrimNativeHeapInterval=5000") : List.of();
	}

	public static ChildProcess startJava(String name, DataDir data, List<String> javaArguments,
			Map<String, String> env) {
		List<String> command = new ArrayList<>();
		// A session of its own keeps Ctrl-C in the terminal from reaching the child
		// directly: the launcher stops its children itself, in order.
		if (Files.isExecutable(SETSID)) {
			command.add(SETSID.toString());
		}
		command.add(javaExecutable());
		command.add(marker(name));
		command.add(dataMarker(data));
		command.addAll(javaArguments);
		Path log = data.log(name);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(env);
		try {
			Process process = builder.start();
			Files.writeString(data.pids().resolve(name + ".pid"), Long.toString(process.pid()));
			return new ChildProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops children a killed launcher left behind. They normally exit by themselves when
	 * their stdin closes; this covers one that is still shutting down or hangs.
	 */
	public static void stopLeftovers(DataDir data) {
		try (Stream<Path> pidFiles = Files.list(data.pids())) {
			for (Path pidFile : pidFiles.toList()) {
				String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
				leftover(pidFile, name, data).ifPresent((process) -> {
					Status.line(name,
							"stopping a copy left running by an earlier launcher (pid " + process.pid() + ")");
					terminate(process, Duration.ofSeconds(30));
				});
				Files.deleteIfExists(pidFile);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<ProcessHandle> leftover(Path pidFile, String name, DataDir data) throws IOException {
		long pid;
		try {
			pid = Long.parseLong(Files.readString(pidFile).trim());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info()
				.commandLine()
				.filter((line) -> line.contains(marker(name)) && line.contains(dataMarker(data)))
				.isPresent());
	}

	private static void terminate(ProcessHandle process, Duration grace) {
		process.destroy();
		try {
			process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally((failure) -> null).join();
		}
	}

	public String name() {
		return name;
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public CompletableFuture<ChildProcess> onExit() {
		return process.onExit().thenApply((exited) -> this);
	}

	public int exitValue() {
		return process.exitValue();
	}

	/**
	 * SIGTERM, so the child runs its own shutdown; SIGKILL only if that takes too long.
	 */
	public void stop(Duration grace) {
		terminate(process.toHandle(), grace);
	}

	public List<String> logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException ex) {
			return List.of("(could not read " + log + ": " + ex.getMessage() + ")");
		}
	}

	private static String marker(String name) {
		return "-Dkedja.child=" + name;
	}

	private static String dataMarker(DataDir data) {
		return "-Dkedja.data=" + data.root();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
