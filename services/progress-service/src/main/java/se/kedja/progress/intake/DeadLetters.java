package se.kedja.progress.intake;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events sent to a dead-letter topic, and why, for GET /api/admin/dead-letters. */
@Repository
public class DeadLetters {

	private final JdbcClient jdbc;

	DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(ConsumerRecord<?, ?> record, Throwable reason) {
		this.jdbc
			.sql("INSERT INTO dead_letter (topic, kafka_partition, kafka_offset, record_key, reason)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(record.topic(), record.partition(), record.offset(),
					(record.key() != null) ? String.valueOf(record.key()) : null, reasonOf(reason))
			.update();
	}

	public List<DeadLetter> latest(int limit) {
		return this.jdbc
			.sql("SELECT topic, kafka_partition, kafka_offset, record_key, reason, failed_at"
					+ " FROM dead_letter ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> new DeadLetter(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The innermost cause: the listener's wrappers say nothing about the event. */
	static String reasonOf(Throwable reason) {
		Throwable cause = reason;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** One dead letter. */
	public record DeadLetter(String topic, int partition, long offset, @Nullable String key, String reason,
			Instant failedAt) {

	}

}
