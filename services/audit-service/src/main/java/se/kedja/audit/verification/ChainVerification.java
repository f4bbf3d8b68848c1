package se.kedja.audit.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import se.kedja.audit.verification.Finding.Problem;
import se.kedja.events.json.EventHashes;
import se.kedja.events.json.EventJson;

/**
 * Checks one case's events, as written on the wire, in sequence order: every hash
 * recomputed, every link to the previous hash, every sequence number from 0 without gaps.
 * Works on plain JSON so the offline verifier runs exactly the same check.
 */
public final class ChainVerification {

	private static final EventJson JSON = new EventJson();

	private ChainVerification() {
	}

	public static CaseVerification verify(String participantId, List<? extends JsonNode> wireEvents) {
		List<Finding> findings = new ArrayList<>();
		long expected = 0;
		String previousHash = null;
		long lastSequence = -1;
		String lastHash = null;
		for (JsonNode event : wireEvents) {
			long sequence = event.path("sequence").asLong(-1);
			String eventId = text(event, "eventId");
			String hash = text(event, "hash");
			if (sequence < expected) {
				findings.add(new Finding(participantId, sequence, eventId, Problem.DUPLICATE_SEQUENCE,
						"sequence " + sequence + " appears more than once"));
			}
			else if (sequence > expected) {
				findings.add(new Finding(participantId, sequence, eventId, Problem.SEQUENCE_GAP, "sequence " + expected
						+ ((sequence - 1 > expected) ? " to " + (sequence - 1) : "") + " missing before this event"));
			}
			if (!EventHashes.verifyJson(JSON.mapper().writeValueAsBytes(event))) {
				findings.add(new Finding(participantId, sequence, eventId, Problem.HASH_MISMATCH,
						"the recomputed hash differs from the recorded " + hash));
			}
			if (sequence == expected && !Objects.equals(text(event, "previousHash"), previousHash)) {
				findings.add(new Finding(participantId, sequence, eventId, Problem.BROKEN_LINK,
						"previous hash " + text(event, "previousHash") + " but the event before has " + previousHash));
			}
			expected = Math.max(expected, sequence + 1);
			previousHash = hash;
			lastSequence = Math.max(lastSequence, sequence);
			lastHash = hash;
		}
		return new CaseVerification(participantId, findings.isEmpty(), wireEvents.size(), lastSequence, lastHash,
				List.copyOf(findings));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
