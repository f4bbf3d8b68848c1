package se.kedja.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import se.kedja.launcher.services.KedjaService;
import se.kedja.launcher.services.ServiceProcess;

/**
 * The demo on first start: once case-service is ready, an empty data folder is filled
 * with the five seed projects' fictional participants, sent through the API by the
 * demo-data jar as a child JVM, and a {@code demo-loaded} marker is written. On later
 * starts the marker names the demo's dates, and the projects' periods are moved back to
 * them (case-service reads its definition files at start). {@code KEDJA_DEMO=off} skips
 * both.
 */
final class DemoData {

	static final String MARKER = "demo-loaded";

	/** The loader's lines that the user sees; the rest goes to logs/demo-data.log. */
	private static final String PROGRESS = "[demo] ";

	private DemoData() {
	}

	static void loadOnFirstStart(Install install, DataDir data, List<KedjaService> running) {
		Path jar = install.repositoryRoot().resolve("services/demo-data/target/demo-data.jar");
		boolean caseService = running.stream().anyMatch((service) -> service.name().equals("case-service"));
		if ("off".equalsIgnoreCase(System.getenv("KEDJA_DEMO")) || !caseService) {
			return;
		}
		if (!Files.isRegularFile(jar)) {
			Status.line("demo", "skipped: not built (" + install.repositoryRoot().relativize(jar) + ")");
			return;
		}
		Path marker = data.root().resolve(MARKER);
		boolean first = !Files.exists(marker);
		if (first) {
			Status.line("demo", "loading the five seed projects' demo participants through the API ...");
		}
		long started = System.nanoTime();
		int exit = run(jar, first ? "load" : "align", marker, data);
		if (exit != 0) {
			Status.line("demo",
					(first ? "loading" : "moving the projects to the demo's dates") + " failed (exit " + exit
							+ "); see " + data.log("demo-data")
							+ (first ? "; it is tried again on the next start" : ""));
		}
		else if (first) {
			Status.line("demo", "loaded in " + Status.seconds(started) + " (" + marker + ")");
		}
	}

	private static int run(Path jar, String command, Path marker, DataDir data) {
		List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), command, "--marker",
				marker.toString());
		try {
			ProcessBuilder builder = new ProcessBuilder(java).redirectErrorStream(true);
			// client credentials of kedja-demo-loader at the embedded issuer
			builder.environment().put("KEDJA_IDENTITY_URL", KedjaService.ISSUER);
			builder.environment().put("KEDJA_DEMO_LOADER_CLIENT_ID", "kedja-demo-loader");
			builder.environment().put("KEDJA_DEMO_LOADER_SECRET", ServiceProcess.demoLoaderSecret(data));
			Process process = builder.start();
			try (BufferedReader lines = process.inputReader();
					Writer log = Files.newBufferedWriter(data.log("demo-data"), StandardOpenOption.CREATE,
							StandardOpenOption.APPEND)) {
				String line;
				while ((line = lines.readLine()) != null) {
					log.write(line + System.lineSeparator());
					if (line.startsWith(PROGRESS)) {
						Status.line("demo", line.substring(PROGRESS.length()));
					}
				}
			}
			return process.waitFor();
		}
		catch (IOException ex) {
			Status.line("demo", "could not run the loader: " + ex.getMessage());
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
