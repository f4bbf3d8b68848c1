package se.kedja.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same PostgreSQL and Kafka versions as the embedded default, as containers. */
record ContainerBackend(PostgreSQLContainer postgres, KafkaContainer kafka) implements TestInfrastructure.Backend {

	static ContainerBackend start() {
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17");
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0");
		postgres.start();
		kafka.start();
		return new ContainerBackend(postgres, kafka);
	}

	@Override
	public String jdbcUrl() {
		return postgres.getJdbcUrl();
	}

	@Override
	public String username() {
		return postgres.getUsername();
	}

	@Override
	public String password() {
		return postgres.getPassword();
	}

	@Override
	public String bootstrapServers() {
		return kafka.getBootstrapServers();
	}

	@Override
	public void stop() {
		kafka.stop();
		postgres.stop();
	}

}
