package se.kedja.cases.publishing;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hash of every published event by stream and sequence. Written in the publisher's
 * transaction (with its token), so after a crash the same events are published again with
 * the same hashes.
 */
@Repository
class EventChain {

	private final JdbcClient jdbc;

	EventChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Nullable String previousHash(String streamId, long sequence) {
		if (sequence == 0) {
			return null;
		}
		return hashAt(streamId, sequence - 1).orElseThrow(() -> new IllegalStateException(
				"No hash for " + streamId + " at " + (sequence - 1) + ": events must be published in order"));
	}

	Optional<String> hashAt(String streamId, long sequence) {
		return this.jdbc.sql("SELECT hash FROM event_chain WHERE stream_id = ? AND sequence = ?")
			.params(streamId, sequence)
			.query(String.class)
			.optional();
	}

	void record(String streamId, long sequence, String eventId, String hash) {
		this.jdbc.sql("""
				INSERT INTO event_chain (stream_id, sequence, event_id, hash) VALUES (?, ?, ?, ?)
				ON CONFLICT (stream_id, sequence) DO NOTHING""").params(streamId, sequence, eventId, hash).update();
	}

}
