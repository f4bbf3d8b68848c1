package se.kedja.audit.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

import se.kedja.audit.checkpoint.CaseHead;
import se.kedja.audit.checkpoint.Checkpoint;
import se.kedja.audit.verification.Finding.Problem;

/**
 * Compares today's events with the case heads a checkpoint signed. A chain may only grow
 * after a checkpoint: the event at each signed head must still be there with the signed
 * hash. Anything else is a rewrite, however consistent the rewritten chain is in itself.
 */
public final class CheckpointComparison {

	private CheckpointComparison() {
	}

	/** {@code eventsByCase}: wire events by participant id, in sequence order. */
	public static List<Finding> compare(Checkpoint checkpoint,
			Map<String, ? extends List<? extends JsonNode>> eventsByCase) {
		List<Finding> findings = new ArrayList<>();
		for (CaseHead head : checkpoint.heads()) {
			String participant = head.participantId().toString();
			List<? extends JsonNode> events = eventsByCase.get(participant);
			if (events == null) {
				events = List.of();
			}
			if (events.isEmpty()) {
				findings.add(new Finding(participant, head.lastSequence(), null, Problem.CASE_MISSING,
						"the checkpoint covers this case but no event of it is stored"));
				continue;
			}
			List<? extends JsonNode> atHead = events.stream()
				.filter((event) -> event.path("sequence").asLong(-1) == head.lastSequence())
				.toList();
			if (atHead.isEmpty()) {
				findings.add(new Finding(participant, head.lastSequence(), null, Problem.HEAD_MISSING,
						"the event at the signed head sequence is gone"));
			}
			for (JsonNode event : atHead) {
				String hash = event.path("hash").asString("");
				if (!Objects.equals(hash, head.lastHash())) {
					findings.add(new Finding(participant, head.lastSequence(), event.path("eventId").asString(""),
							Problem.HEAD_REWRITTEN,
							"signed hash " + head.lastHash() + " but the stored event has " + hash));
				}
			}
		}
		return List.copyOf(findings);
	}

}
