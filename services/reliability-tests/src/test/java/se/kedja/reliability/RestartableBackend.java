package se.kedja.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import se.kedja.launcher.ChildProcess;
import se.kedja.launcher.DataDir;
import se.kedja.launcher.Install;
import se.kedja.launcher.kafka.KafkaServer;
import se.kedja.launcher.postgres.PostgresServer;

/**
 * The launcher's own PostgreSQL and KRaft broker as child processes on fixed ports and a
 * data folder of their own, so either can be stopped during writes and started again on
 * the same data — which the in-JVM test broker cannot do.
 */
final class RestartableBackend implements Backend, AutoCloseable {

	private static final List<String> SCHEMAS = List.of("cases", "progress", "audit");

	private final Install install;

	private final DataDir data;

	private final int postgresPort = freePort();

	private final int kafkaPort = freePort();

	private final int controllerPort = freePort();

	private PostgresServer postgres;

	private KafkaServer kafka;

	RestartableBackend(Path folder) {
		Path launcherTarget = ServiceJar.SERVICES.resolve("launcher").resolve("target");
		this.install = new Install(launcherTarget, launcherTarget.resolve("launcher.jar"));
		this.data = new DataDir(folder);
		ChildProcess.stopLeftovers(this.data);
		this.postgres = PostgresServer.start(this.install, this.data, this.postgresPort, SCHEMAS);
		this.kafka = KafkaServer.start(this.install, this.data, this.kafkaPort, this.controllerPort);
	}

	static boolean available() {
		Path target = ServiceJar.SERVICES.resolve("launcher").resolve("target");
		return Files.isDirectory(target.resolve("kafka-lib")) && Files.isDirectory(target.resolve("lib"));
	}

	@Override
	public String jdbcUrl(String schema) {
		return this.postgres.database().jdbcUrl(schema);
	}

	@Override
	public String username() {
		return this.postgres.database().user();
	}

	@Override
	public String password() {
		return this.postgres.database().password();
	}

	@Override
	public String bootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	void stopKafka() {
		this.kafka.close();
	}

	void startKafka() {
		this.kafka = KafkaServer.start(this.install, this.data, this.kafkaPort, this.controllerPort);
	}

	void stopPostgres() {
		this.postgres.close();
	}

	void startPostgres() {
		this.postgres = PostgresServer.start(this.install, this.data, this.postgresPort, SCHEMAS);
	}

	@Override
	public void close() {
		this.kafka.close();
		this.postgres.close();
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
