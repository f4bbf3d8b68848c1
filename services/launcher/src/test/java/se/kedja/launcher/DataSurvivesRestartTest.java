package se.kedja.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kedja.launcher.kafka.KafkaServer;
import se.kedja.launcher.postgres.Database;
import se.kedja.launcher.postgres.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps users' data: rows and records written before a clean stop,
 * and before a hard kill that orphans the database server, are there after the next
 * start.
 */
class DataSurvivesRestartTest {

	private static final String TOPIC = "kedja.case-events";

	private final Install install = Install.locate();

	private final int postgresPort = freePort();

	private final int kafkaPort = freePort();

	private final int controllerPort = freePort();

	@Test
	void rows_and_records_survive_a_clean_stop_and_a_hard_kill(@TempDir Path folder) throws Exception {
		DataDir data = new DataDir(folder.resolve("data"));

		Running first = start(data);
		assertThat(first.setting("fsync")).isEqualTo("on");
		assertThat(first.setting("synchronous_commit")).isEqualTo("on");
		first.execute("CREATE TABLE cases.note (id serial PRIMARY KEY, text varchar NOT NULL)");
		first.execute("INSERT INTO cases.note (text) VALUES ('before a clean stop')");
		first.produce("written before a clean stop");
		first.stop();

		Running second = start(data);
		assertThat(second.notes()).containsExactly("before a clean stop");
		assertThat(second.records()).containsExactly("written before a clean stop");
		second.execute("INSERT INTO cases.note (text) VALUES ('before a hard kill')");
		second.produce("written before a hard kill");
		long postmaster = second.killHard();
		assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("orphaned postmaster").isPresent();

		Running third = start(data);
		assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(third.notes()).containsExactly("before a clean stop", "before a hard kill");
		assertThat(third.records()).containsExactly("written before a clean stop", "written before a hard kill");
		third.stop();
	}

	private Running start(DataDir data) {
		ChildProcess.stopLeftovers(data);
		PostgresServer postgres = PostgresServer.start(install, data, postgresPort, List.of("cases"));
		KafkaServer kafka = KafkaServer.start(install, data, kafkaPort, controllerPort);
		return new Running(data, postgres, kafka);
	}

	private record Running(DataDir data, PostgresServer postgres, KafkaServer kafka) {

		void stop() {
			kafka.close();
			postgres.close();
		}

		/**
		 * SIGKILL to both children, as when the whole process group dies: the broker gets
		 * no chance to flush or close, and the database server is left running alone.
		 * @return the orphaned postmaster's pid
		 */
		long killHard() throws IOException {
			long postmaster = Long
				.parseLong(Files.readAllLines(data.postgres().resolve("postmaster.pid")).get(0).trim());
			for (ChildProcess child : List.of(kafka.child(), postgres.child())) {
				ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();
				handle.destroyForcibly();
				handle.onExit().orTimeout(10, TimeUnit.SECONDS).join();
			}
			return postmaster;
		}

		Connection connect() throws SQLException {
			Database database = postgres.database();
			return DriverManager.getConnection(database.jdbcUrl("cases"), database.user(), database.password());
		}

		void execute(String sql) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		String setting(String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				ResultSet result = statement.executeQuery("SHOW " + name);
				result.next();
				return result.getString(1);
			}
		}

		List<String> notes() throws SQLException {
			List<String> notes = new ArrayList<>();
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				ResultSet result = statement.executeQuery("SELECT text FROM note ORDER BY id");
				while (result.next()) {
					notes.add(result.getString(1));
				}
			}
			return notes;
		}

		void produce(String value) throws Exception {
			try (var producer = new KafkaProducer<>(
					Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>(TOPIC, 0, "participant-1", value)).get();
			}
		}

		List<String> records() {
			TopicPartition partition = new TopicPartition(TOPIC, 0);
			try (var consumer = new KafkaConsumer<>(
					Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
					new StringDeserializer(), new StringDeserializer())) {
				consumer.assign(List.of(partition));
				consumer.seekToBeginning(List.of(partition));
				long end = consumer.endOffsets(List.of(partition)).get(partition);
				List<String> values = new ArrayList<>();
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (consumer.position(partition) < end && System.nanoTime() < deadline) {
					consumer.poll(Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
				}
				return values;
			}
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
