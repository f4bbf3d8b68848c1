package se.kedja.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How a service JVM that is restarted many times starts faster: Spring Boot's documented
 * class-data sharing. The fat jar is extracted once, one training run of the extracted
 * jar (with the real database and broker, exiting once the context has refreshed) writes
 * an archive of the classes it loaded, and every later start maps that archive instead of
 * loading and verifying them again. By default a dynamic CDS archive (JDK 21 on);
 * {@code -Dkedja.reliability.fast-start=aot} trains a JDK 25 AOT cache instead (JEP 514:
 * linked classes too — starts were a little faster in our measurements, but its training
 * took three times as long), {@code =off} starts from the fat jar. If training fails the
 * service starts from the fat jar, and the reason is in its log.
 */
final class FastStart {

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

	private final String mode;

	private final Path folder;

	private final Path fatJar;

	private List<String> arguments;

	FastStart(String instance, Path fatJar) {
		this.fatJar = fatJar;
		this.folder = Path.of("target", "fast-start", instance).toAbsolutePath();
		String asked = System.getProperty("kedja.reliability.fast-start", "cds");
		this.mode = (asked.equals("aot") && Runtime.version().feature() < 25) ? "cds" : asked;
	}

	/**
	 * The JVM arguments that start the service: options, then {@code -jar} and its jar.
	 */
	synchronized List<String> arguments() {
		return (this.arguments != null) ? this.arguments : List.of("-jar", this.fatJar.toString());
	}

	/**
	 * Extracts and trains once; {@code jvm} is the command up to the jar (java and its
	 * options), {@code env} the service's environment, {@code log} where the training
	 * run's output goes.
	 */
	synchronized void prepare(List<String> jvm, Map<String, String> env, Path log) {
		if (this.arguments != null || this.mode.equals("off")) {
			return;
		}
		long started = System.nanoTime();
		Path extracted = this.folder.resolve(this.fatJar.getFileName());
		Path archive = this.folder.resolve(this.mode.equals("aot") ? "app.aot" : "app.jsa");
		try {
			run(List.of(jvm.get(0), "-Djarmode=tools", "-jar", this.fatJar.toString(), "extract", "--destination",
					this.folder.toString(), "--force"), Map.of(), log);
			Files.deleteIfExists(archive);
			List<String> training = new ArrayList<>(jvm);
			training
				.add(this.mode.equals("aot") ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
			training.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
			run(training, env, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!Files.isRegularFile(archive)) {
			append(log, "fast start: no archive was written; starting from the fat jar");
			this.arguments = List.of("-jar", this.fatJar.toString());
			return;
		}
		this.arguments = List.of(
				this.mode.equals("aot") ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive, "-jar",
				extracted.toString());
		append(log, "fast start: %s archive trained in %d s".formatted(this.mode,
				Duration.ofNanos(System.nanoTime() - started).toSeconds()));
	}

	private static void run(List<String> command, Map<String, String> env, Path log) throws IOException {
		Files.createDirectories(log.getParent());
		append(log, "fast start: " + String.join(" ", command));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(env);
		Process process = builder.start();
		try {
			if (!process.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				append(log, "fast start: gave up after " + TRAINING_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static void append(Path log, String line) {
		try {
			Files.writeString(log, "%n==== %s ====%n".formatted(line), java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
