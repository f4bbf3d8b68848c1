package se.kedja.cases.publishing;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.EventEnvelope;

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

	/**
	 * The event's own position in the store. The processor's token cannot tell it: an
	 * event that commits after a later one fills a gap, and the gap-aware token's
	 * position then stays at the later event's index.
	 */
	long globalIndex(String eventId) {
		return this.jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
			.param(eventId)
			.query(Long.class)
			.optional()
			.orElse(EventEnvelope.UNKNOWN_POSITION);
	}

	void record(String streamId, long sequence, String eventId, String hash) {
		this.jdbc.sql("""
				INSERT INTO event_chain (stream_id, sequence, event_id, hash) VALUES (?, ?, ?, ?)
				ON CONFLICT (stream_id, sequence) DO NOTHING""").params(streamId, sequence, eventId, hash).update();
	}

}
