package se.kedja.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * PostgreSQL from zonky's binaries in a temporary folder and an in-JVM KRaft broker, both
 * on free ports.
 */
record EmbeddedBackend(EmbeddedPostgres postgres,
		EmbeddedKafkaKraftBroker kafka) implements TestInfrastructure.Backend {

	static EmbeddedBackend start() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.afterPropertiesSet();
		try {
			return new EmbeddedBackend(EmbeddedPostgres.builder().start(), kafka);
		}
		catch (IOException ex) {
			kafka.destroy();
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public String bootstrapServers() {
		return kafka.getBrokersAsString();
	}

	/**
	 * Stops PostgreSQL only. The in-JVM broker ends with the JVM: stopping it here would
	 * race Spring's own shutdown hook, whose Kafka consumers then wait out their 30 s
	 * close timeout against a broker that is gone, and surefire kills the fork.
	 */
	@Override
	public void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
