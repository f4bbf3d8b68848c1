package se.kedja.cases.publishing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/**
	 * The global index of each of {@code eventIds} in one statement; an id not in the
	 * store is left out.
	 */
	Map<String, Long> globalIndexes(Collection<String> eventIds) {
		Map<String, Long> indexes = new HashMap<>();
		if (eventIds.isEmpty()) {
			return indexes;
		}
		this.jdbc.sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY(?)")
			.param(eventIds.toArray(String[]::new))
			.query((rs) -> {
				indexes.put(rs.getString(1), rs.getLong(2));
			});
		return indexes;
	}

	/**
	 * The hashes at the given stream positions ({@code streamId@sequence}) in one
	 * statement; a position without a hash is left out.
	 */
	Map<String, String> hashesAt(Map<String, Long> positions) {
		Map<String, String> hashes = new HashMap<>();
		if (positions.isEmpty()) {
			return hashes;
		}
		List<String> streams = new ArrayList<>(positions.keySet());
		Long[] sequences = streams.stream().map(positions::get).toArray(Long[]::new);
		this.jdbc.sql("""
				SELECT c.stream_id, c.sequence, c.hash
				FROM event_chain c JOIN unnest(?::text[], ?::bigint[]) AS p(stream_id, sequence)
				  ON c.stream_id = p.stream_id AND c.sequence = p.sequence""")
			.params(streams.toArray(String[]::new), sequences)
			.query((rs) -> {
				hashes.put(rs.getString(1) + "@" + rs.getLong(2), rs.getString(3));
			});
		return hashes;
	}

	/** Records the hashes of a batch in one statement. */
	void recordAll(List<Link> links) {
		if (links.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO event_chain (stream_id, sequence, event_id, hash)
				SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[])
				ON CONFLICT (stream_id, sequence) DO NOTHING""")
			.params(links.stream().map(Link::streamId).toArray(String[]::new),
					links.stream().map(Link::sequence).toArray(Long[]::new),
					links.stream().map(Link::eventId).toArray(String[]::new),
					links.stream().map(Link::hash).toArray(String[]::new))
			.update();
	}

	/** One event's place in its stream's chain. */
	record Link(String streamId, long sequence, String eventId, String hash) {

	}

}
