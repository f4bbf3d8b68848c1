package se.kedja.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTest {

	@Test
	void is_started_once_per_jvm() {
		assertThat(TestInfrastructure.get()).isSameAs(TestInfrastructure.get());
	}

	@Test
	void a_row_written_to_postgres_reads_back() throws Exception {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String url = infrastructure.createDatabase("round_trip");
		try (Connection connection = DriverManager.getConnection(url, infrastructure.username(),
				infrastructure.password()); Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE note (text varchar NOT NULL)");
			sql.execute("INSERT INTO note VALUES ('kept')");
			ResultSet rows = sql.executeQuery("SELECT text FROM note");
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("kept");
		}
	}

	@Test
	void a_record_produced_to_kafka_is_consumed() throws Exception {
		String bootstrap = TestInfrastructure.get().bootstrapServers();
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("round-trip", "participant-1", "enrolled")).get();
		}
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "round-trip", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("round-trip"));
			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			}
			assertThat(received).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("participant-1");
				assertThat(record.value()).isEqualTo("enrolled");
			});
		}
	}

}
