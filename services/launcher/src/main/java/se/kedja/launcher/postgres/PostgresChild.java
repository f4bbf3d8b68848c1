package se.kedja.launcher.postgres;

import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import se.kedja.launcher.ExitOnStdinClose;

/**
 * Runs PostgreSQL from the zonky binaries in a JVM of its own. Zonky stops the server
 * from a shutdown hook of the JVM that started it; in a child JVM that hook runs when the
 * launcher says so (after the services and the broker), not in parallel with the
 * launcher's own shutdown.
 */
public final class PostgresChild {

	private PostgresChild() {
	}

	public static void main(String[] args) throws Exception {
		ExitOnStdinClose.watch();
		Path dataDirectory = Path.of(args[0]);
		int port = Integer.parseInt(args[1]);
		EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			// zonky turns these off for throw-away test databases; here they hold users'
			// data
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "100")
			// crash recovery after a hard kill can take longer than zonky's default 10 s
			.setPGStartupWait(Duration.ofSeconds(90))
			// straight to the log file, so the server's output survives this JVM
			.setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
			.setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
			.start();
		// hand back the heap that unpacking the binaries took; this JVM now only waits
		System.gc();
		Thread.currentThread().join();
	}

}
