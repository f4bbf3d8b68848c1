package se.kedja.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A signed checkpoint as exported: everything needed to check it offline. The signature
 * covers {@link #signedContent()}; the Merkle root covers the heads.
 */
public record Checkpoint(UUID checkpointId, String projectId, Instant createdAt, String merkleRoot,
		List<CaseHead> heads, List<ConsumedPosition> positions, String algorithm, String keyId, String publicKey,
		String signature) {

	public static final String ALGORITHM = "Ed25519";

	static final Comparator<CaseHead> LEAF_ORDER = Comparator.comparing(head -> head.participantId().toString());

	public static String merkleRootOf(List<CaseHead> heads) {
		return MerkleTree.rootHex(heads.stream().sorted(LEAF_ORDER).map(CaseHead::leaf).toList());
	}

	public boolean rootMatchesHeads() {
		return merkleRoot.equals(merkleRootOf(heads));
	}

	public byte[] signedContent() {
		return signedContent(checkpointId, projectId, createdAt, merkleRoot, positions);
	}

	static byte[] signedContent(UUID checkpointId, String projectId, Instant createdAt, String merkleRoot,
			List<ConsumedPosition> positions) {
		StringBuilder content = new StringBuilder("kedja-checkpoint-v1\n").append(checkpointId)
			.append('\n')
			.append(projectId)
			.append('\n')
			.append(createdAt)
			.append('\n')
			.append(merkleRoot)
			.append('\n');
		positions.stream()
			.sorted(Comparator.comparing(ConsumedPosition::topic).thenComparingInt(ConsumedPosition::partition))
			.forEach((position) -> content.append(position.topic())
				.append(':')
				.append(position.partition())
				.append(':')
				.append(position.offset())
				.append('\n'));
		return content.toString().getBytes(StandardCharsets.UTF_8);
	}

}
