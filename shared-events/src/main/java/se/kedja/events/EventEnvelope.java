package se.kedja.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event as it travels on Kafka and as every consumer sees it: the payload and the
 * facts about its recording. {@code hash} chains the events of one stream: it covers
 * {@code previousHash}, so altering or removing an event breaks every hash after it (see
 * {@code se.kedja.events.json.EventHashes}).
 *
 * @param streamId the participant's UUID for case events, the project id for project
 * events
 * @param sequence position in the stream, from 0, without gaps
 * @param businessDate when it happened
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it (a user key)
 * @param importId set when the event came from a bulk import
 * @param hash hex SHA-256; null only before it is computed
 * @param previousHash the hash of the event at {@code sequence - 1}, null at sequence 0
 * @param globalPosition position in the event store across all streams, -1 if unknown
 */
public record EventEnvelope<E>(EventId eventId, String type, int schemaVersion, String streamId, long sequence,
		LocalDate businessDate, Instant recordedAt, String recordedBy, @Nullable UUID commandId,
		@Nullable UUID correlationId, @Nullable String importId, @Nullable String hash, @Nullable String previousHash,
		long globalPosition, E payload) {

	public static final long UNKNOWN_POSITION = -1;

	public EventEnvelope {
		Objects.requireNonNull(payload, "payload");
		if (sequence < 0) {
			throw new IllegalArgumentException("sequence starts at 0");
		}
	}

	public EventEnvelope<E> withHash(String hash) {
		return new EventEnvelope<>(this.eventId, this.type, this.schemaVersion, this.streamId, this.sequence,
				this.businessDate, this.recordedAt, this.recordedBy, this.commandId, this.correlationId, this.importId,
				hash, this.previousHash, this.globalPosition, this.payload);
	}

	public EventEnvelope<E> withGlobalPosition(long globalPosition) {
		return new EventEnvelope<>(this.eventId, this.type, this.schemaVersion, this.streamId, this.sequence,
				this.businessDate, this.recordedAt, this.recordedBy, this.commandId, this.correlationId, this.importId,
				this.hash, this.previousHash, globalPosition, this.payload);
	}

}
