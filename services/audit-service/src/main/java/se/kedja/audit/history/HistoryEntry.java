package se.kedja.audit.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event of a case as an auditor reads it: what, when it happened, when and by whom
 * recorded.
 */
public record HistoryEntry(long sequence, String eventId, String type, int schemaVersion, LocalDate businessDate,
		Instant recordedAt, String recordedBy, @Nullable String importId, String hash, @Nullable String previousHash,
		JsonNode payload, @Nullable Correction correction) {

	/**
	 * What a correction says, and what it changed: in the event it corrects and in the
	 * case.
	 */
	public record Correction(String corrects, String correctedType, String reason, List<Change> eventChanges,
			List<Change> caseChanges) {
	}

	public record Change(String field, String from, String to) {
	}

}
