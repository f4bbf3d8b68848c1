package se.kedja.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * A real PostgreSQL and a real Kafka broker, started once per test JVM on first use and
 * stopped when the JVM exits. Containers when a Docker engine answers, embedded (zonky
 * PostgreSQL, spring-kafka-test's KRaft broker) otherwise, so the same tests run on a
 * laptop with Docker and on a CI machine without it.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static volatile TestInfrastructure instance;

	private final Backend backend;

	private TestInfrastructure(Backend backend) {
		this.backend = backend;
	}

	public static TestInfrastructure get() {
		TestInfrastructure started = instance;
		if (started == null) {
			synchronized (TestInfrastructure.class) {
				started = instance;
				if (started == null) {
					started = new TestInfrastructure(startBackend());
					Runtime.getRuntime().addShutdownHook(new Thread(started.backend::stop, "test-infrastructure-stop"));
					instance = started;
				}
			}
		}
		return started;
	}

	private static Backend startBackend() {
		long startedAt = System.nanoTime();
		boolean docker = dockerAvailable();
		Backend backend = docker ? ContainerBackend.start() : EmbeddedBackend.start();
		log.info("Test infrastructure: {} PostgreSQL and Kafka, started in {} ms",
				docker ? "Testcontainers" : "embedded", (System.nanoTime() - startedAt) / 1_000_000);
		return backend;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	public String jdbcUrl() {
		return backend.jdbcUrl();
	}

	public String username() {
		return backend.username();
	}

	public String password() {
		return backend.password();
	}

	public String bootstrapServers() {
		return backend.bootstrapServers();
	}

	/**
	 * Creates an empty database for a test class that wants data of its own.
	 * @return its JDBC URL (same user and password)
	 */
	public String createDatabase(String name) {
		execute("CREATE DATABASE " + identifier(name));
		return jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
	}

	/**
	 * Creates an empty schema in the default database; pair it with
	 * {@code currentSchema}.
	 */
	public String createSchema(String name) {
		execute("CREATE SCHEMA " + identifier(name));
		return name;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), username(), password());
	}

	private void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed: " + ex.getMessage(), ex);
		}
	}

	// DDL takes no bind parameters, so names are checked instead of quoted.
	private static String identifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
		}
		return name;
	}

	interface Backend {

		String jdbcUrl();

		String username();

		String password();

		String bootstrapServers();

		void stop();

	}

}
