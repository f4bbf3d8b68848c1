package se.kedja.audit.export;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import se.kedja.audit.history.HistoryEntry;
import se.kedja.audit.verification.CaseVerification;

/**
 * A case's history for a funder's file. {@code events} are the envelopes exactly as
 * received, so the offline verifier can recompute every hash without this service.
 */
public record HistoryExport(String format, String participantId, Instant exportedAt, String exportedBy, String purpose,
		CaseVerification verification, List<ObjectNode> events, List<HistoryEntry> history) {

	public static final String FORMAT = "kedja-case-history-v1";

}
