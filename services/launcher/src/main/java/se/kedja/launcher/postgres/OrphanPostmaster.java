package se.kedja.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import se.kedja.launcher.Status;

/**
 * A postmaster left running when both the launcher and its PostgreSQL child were killed
 * hard. {@code postmaster.pid} names its pid (line 1) and data directory (line 2); only a
 * live {@code postgres} process of this very data directory is stopped.
 */
final class OrphanPostmaster {

	private OrphanPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			Optional<ProcessHandle> postmaster = lines.size() < 2 ? Optional.empty() : ProcessHandle
				.of(Long.parseLong(lines.get(0).trim()))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info().command().filter((c) -> c.endsWith("/postgres")).isPresent())
				.filter((process) -> Path.of(lines.get(1).trim()).equals(dataDirectory));
			if (postmaster.isEmpty()) {
				Files.deleteIfExists(pidFile);
				return;
			}
			Status.line("postgres",
					"stopping a server left running by an earlier launcher (pid " + postmaster.get().pid() + ")");
			fastShutdown(postmaster.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients and checkpoints,
	// where
	// SIGTERM would wait for every client to leave.
	private static void fastShutdown(ProcessHandle postmaster) throws IOException {
		new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
		try {
			postmaster.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			postmaster.destroyForcibly();
			postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally((failure) -> null).join();
		}
	}

}
