package se.kedja.cases.publishing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One KRaft node (broker and controller) in the test JVM with its logs in a folder of its
 * own, that can be stopped and started again on the same logs — which the shared test
 * broker cannot. It listens on and advertises the same port after a restart, so clients
 * keep their bootstrap address and reconnect by themselves.
 */
final class RestartableBroker implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final Path folder;

	private final Properties properties;

	private final String bootstrapServers;

	private KafkaRaftServer server;

	private RestartableBroker(Path folder, int port, int controllerPort) {
		this.folder = folder;
		this.bootstrapServers = "localhost:" + port;
		this.properties = new Properties();
		this.properties.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
				Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
				Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"),
				Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("log.dirs", folder.resolve("logs").toString()),
				Map.entry("offsets.topic.replication.factor", "1"), Map.entry("offsets.topic.num.partitions", "1"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"), Map.entry("transaction.state.log.num.partitions", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.num.partitions", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0")));
	}

	/** Formats a fresh log folder and starts the node on two free ports. */
	static RestartableBroker startIn(Path folder) {
		RestartableBroker broker = new RestartableBroker(folder, freePort(), freePort());
		broker.format();
		broker.start();
		return broker;
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	boolean running() {
		return this.server != null;
	}

	/** Starts the node on the logs it had; returns when it serves metadata. */
	void start() {
		if (running()) {
			throw new IllegalStateException("The broker is already running");
		}
		this.server = new KafkaRaftServer(KafkaConfig.fromProps(this.properties, false), Time.SYSTEM);
		this.server.startup();
		awaitReady();
	}

	/** A controlled shutdown; returns when the port is closed. */
	void stop() {
		KafkaRaftServer running = this.server;
		this.server = null;
		if (running != null) {
			running.shutdown();
			running.awaitShutdown();
		}
	}

	@Override
	public void close() {
		stop();
		try (Stream<Path> paths = Files.walk(this.folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void format() {
		try {
			Files.createDirectories(this.folder);
			Path file = this.folder.resolve("server.properties");
			try (Writer writer = Files.newBufferedWriter(file)) {
				this.properties.store(writer, null);
			}
			int formatted = StorageTool.execute(
					new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString() },
					new PrintStream(OutputStream.nullOutputStream()));
			if (formatted != 0) {
				throw new IllegalStateException("kafka-storage format failed with " + formatted);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// An open port is not readiness: the node accepts connections before it has joined
	// the quorum and can serve metadata.
	private void awaitReady() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000))) {
			while (true) {
				try {
					admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
					return;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for the broker", ex);
				}
				catch (Exception ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("The broker did not answer within " + STARTUP_TIMEOUT, ex);
					}
				}
			}
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
