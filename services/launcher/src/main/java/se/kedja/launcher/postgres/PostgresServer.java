package se.kedja.launcher.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import se.kedja.launcher.ChildProcess;
import se.kedja.launcher.DataDir;
import se.kedja.launcher.Secret;
import se.kedja.launcher.Install;
import se.kedja.launcher.LaunchException;
import se.kedja.launcher.Secret;
import se.kedja.launcher.Ports;
import se.kedja.launcher.Status;

/**
 * PostgreSQL in {@code <data>/postgres}: one database {@code kedja}, owned by the login
 * role {@code kedja}, with one schema per service (each service runs its own Flyway
 * migrations in it).
 */
public final class PostgresServer implements AutoCloseable {

	private static final String DATABASE = "kedja";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private final ChildProcess child;

	private final Database database;

	private PostgresServer(ChildProcess child, Database database) {
		this.child = child;
		this.database = database;
	}

	public static PostgresServer start(Install install, DataDir data, int port, Collection<String> schemas) {
		long started = System.nanoTime();
		OrphanPostmaster.stopIfRunning(data.postgres());
		Ports.requireFree(port, "PostgreSQL", "KEDJA_PG_PORT");
		// zonky unpacks the binaries in memory on first start, which needs more than 64m
		// of
		// heap; the heap gives most of it back afterwards.
		ChildProcess child = ChildProcess.startJava("postgres", data,
				List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
						"-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.log.io.zonky=info", "-cp",
						install.classPath(), PostgresChild.class.getName(), data.postgres().toString(),
						Integer.toString(port)),
				Map.of());
		PostgresServer server = new PostgresServer(child,
				new Database(port, DATABASE, DATABASE, Secret.readOrCreate(data.root().resolve("postgres-password"))));
		try {
			server.awaitReady();
			server.provision(schemas);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		Status.line("postgres", "ready on localhost:" + port + " in " + Status.seconds(started));
		return server;
	}

	/** Stops a server that outlived both the launcher and its PostgreSQL child. */
	public static void stopOrphan(DataDir data) {
		OrphanPostmaster.stopIfRunning(data.postgres());
	}

	public ChildProcess child() {
		return child;
	}

	public Database database() {
		return database;
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (true) {
			try (Connection ignored = superuser("postgres")) {
				return;
			}
			catch (SQLException ex) {
				if (!child.isAlive()) {
					throw new LaunchException("PostgreSQL did not start (exit " + child.exitValue()
							+ "); last lines of " + child.log() + ":\n" + String.join("\n", child.logTail(30)));
				}
				if (System.nanoTime() > deadline) {
					throw new LaunchException("PostgreSQL did not accept connections within "
							+ STARTUP_TIMEOUT.toSeconds() + " s; see " + child.log());
				}
				sleep();
			}
		}
	}

	// Zonky's initdb trusts local connections, so the superuser needs no password; the
	// services log in as the kedja role with its own password.
	private Connection superuser(String databaseName) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/" + databaseName,
				"postgres", "");
	}

	private void provision(Collection<String> schemas) {
		try (Connection connection = superuser("postgres"); Statement sql = connection.createStatement()) {
			boolean roleExists = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + database.user() + "'")
				.next();
			sql.execute((roleExists ? "ALTER" : "CREATE") + " ROLE " + database.user() + " LOGIN PASSWORD '"
					+ database.password() + "'");
			if (!sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.name() + "'").next()) {
				sql.execute("CREATE DATABASE " + database.name() + " OWNER " + database.user());
			}
		}
		catch (SQLException ex) {
			throw new LaunchException("Could not prepare the kedja database: " + ex.getMessage());
		}
		try (Connection connection = superuser(database.name()); Statement sql = connection.createStatement()) {
			for (String schema : schemas) {
				sql.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + database.user());
			}
		}
		catch (SQLException ex) {
			throw new LaunchException("Could not create the services' schemas: " + ex.getMessage());
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("Interrupted while waiting for PostgreSQL");
		}
	}

	@Override
	public void close() {
		child.stop(Duration.ofSeconds(30));
	}

}
