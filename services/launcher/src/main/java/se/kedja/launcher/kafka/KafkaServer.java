package se.kedja.launcher.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import se.kedja.events.Topics;
import se.kedja.launcher.ChildProcess;
import se.kedja.launcher.DataDir;
import se.kedja.launcher.Install;
import se.kedja.launcher.LaunchException;
import se.kedja.launcher.Ports;
import se.kedja.launcher.Status;

/** A single KRaft node (broker and controller) with its logs in {@code <data>/kafka}. */
public final class KafkaServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private final ChildProcess child;

	private final String bootstrapServers;

	private KafkaServer(ChildProcess child, String bootstrapServers) {
		this.child = child;
		this.bootstrapServers = bootstrapServers;
	}

	public static KafkaServer start(Install install, DataDir data, int port, int controllerPort) {
		long started = System.nanoTime();
		Ports.requireFree(port, "Kafka", "KEDJA_KAFKA_PORT");
		Ports.requireFree(controllerPort, "the Kafka controller", "KEDJA_KAFKA_CONTROLLER_PORT");
		Path properties = writeServerProperties(data.kafka(), port, controllerPort);
		List<String> java = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info", "-Dorg.slf4j.simpleLogger.log.kafka=info"));
		// every event passes through the broker: C2 (the JVM's default) as for the
		// services
		java.addAll(ChildProcess.nativeMemoryTrimming());
		java.addAll(List.of("-cp", install.kafkaClassPath(), KafkaChild.class.getName(), properties.toString(),
				clusterId(data.kafka())));
		ChildProcess child = ChildProcess.startJava("kafka", data, java, Map.of());
		KafkaServer server = new KafkaServer(child, "localhost:" + port);
		try (Admin admin = server.admin()) {
			server.awaitReady(admin);
			createMissingTopics(admin);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		Status.line("kafka", "ready on localhost:" + port + " in " + Status.seconds(started));
		return server;
	}

	public ChildProcess child() {
		return child;
	}

	public String bootstrapServers() {
		return bootstrapServers;
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
	}

	// An open port is not readiness: the broker accepts connections before it has joined
	// the quorum and can serve metadata.
	private void awaitReady(Admin admin) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (true) {
			try {
				admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LaunchException("Interrupted while waiting for Kafka");
			}
			catch (Exception ex) {
				if (!child.isAlive()) {
					throw new LaunchException("Kafka did not start (exit " + child.exitValue() + "); last lines of "
							+ child.log() + ":\n" + String.join("\n", child.logTail(30)));
				}
				if (System.nanoTime() > deadline) {
					throw new LaunchException(
							"Kafka did not answer within " + STARTUP_TIMEOUT.toSeconds() + " s; see " + child.log());
				}
			}
		}
	}

	// Partitions are fixed at creation: adding some later would move participants' events
	// to other partitions and break their order.
	private static void createMissingTopics(Admin admin) {
		try {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = Topics.all()
				.stream()
				.filter((topic) -> !existing.contains(topic.name()))
				.map((topic) -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
				.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("Interrupted while creating Kafka topics");
		}
		catch (ExecutionException ex) {
			throw new LaunchException("Could not create Kafka topics: " + ex.getCause().getMessage());
		}
	}

	// "format --ignore-formatted" refuses a log directory formatted with another cluster
	// id,
	// so the id is made once and kept beside the logs.
	private static String clusterId(Path kafkaDir) {
		Path file = kafkaDir.resolve("cluster.id");
		try {
			if (!Files.exists(file)) {
				Files.writeString(file, Uuid.randomUuid().toString());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path writeServerProperties(Path kafkaDir, int port, int controllerPort) {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", kafkaDir.resolve("logs").toString());
		// One broker: internal topics cannot be replicated, and each internal partition
		// is
		// one more log to re-check on recovery after a hard kill.
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("share.coordinator.state.topic.num.partitions", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		try {
			Files.createDirectories(kafkaDir);
			Path file = kafkaDir.resolve("server.properties");
			try (Writer writer = Files.newBufferedWriter(file)) {
				properties.store(writer, "Written by the Kedja launcher on every start");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		child.stop(Duration.ofSeconds(30));
	}

}
