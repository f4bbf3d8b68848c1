package se.kedja.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import se.kedja.events.Topics;

/** A PostgreSQL database and a Kafka broker that the services under test share. */
interface Backend {

	/** The database's URL with {@code currentSchema}. */
	String jdbcUrl(String schema);

	String username();

	String password();

	String bootstrapServers();

	default Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl("cases"), username(), password());
	}

	default long count(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			var result = statement.executeQuery(sql);
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	default Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
	}

	/**
	 * Consumers that start before a topic exists find it only at a later metadata
	 * refresh, so the topics are made first, as a deployment would.
	 */
	default void createTopics() {
		try (Admin admin = admin()) {
			for (var topic : Topics.all()) {
				try {
					admin.createTopics(java.util.List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1)))
						.all()
						.get(60, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("Could not create " + topic.name(), ex);
					}
				}
			}
		}
		catch (Exception ex) {
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

}
