package se.kedja.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The last event of one case at the time of a checkpoint: a leaf of its Merkle tree. */
public record CaseHead(UUID participantId, long lastSequence, String lastHash) {

	byte[] leaf() {
		return (participantId + "\n" + lastSequence + "\n" + lastHash).getBytes(StandardCharsets.UTF_8);
	}

}
