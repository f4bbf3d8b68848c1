package se.kedja.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

	private static byte[] leaf(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[]... parts) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

	@Test
	void the_root_of_one_leaf_is_its_domain_separated_hash() throws Exception {
		assertThat(MerkleTree.root(List.of(leaf("a")))).isEqualTo(sha256(new byte[] { 0 }, leaf("a")));
	}

	@Test
	void two_leaves_are_joined_under_a_node_prefix() throws Exception {
		byte[] a = sha256(new byte[] { 0 }, leaf("a"));
		byte[] b = sha256(new byte[] { 0 }, leaf("b"));

		assertThat(MerkleTree.root(List.of(leaf("a"), leaf("b")))).isEqualTo(sha256(new byte[] { 1 }, a, b));
	}

	@Test
	void an_odd_leaf_is_carried_up_not_duplicated() throws Exception {
		byte[] a = sha256(new byte[] { 0 }, leaf("a"));
		byte[] b = sha256(new byte[] { 0 }, leaf("b"));
		byte[] c = sha256(new byte[] { 0 }, leaf("c"));

		assertThat(MerkleTree.root(List.of(leaf("a"), leaf("b"), leaf("c"))))
			.isEqualTo(sha256(new byte[] { 1 }, sha256(new byte[] { 1 }, a, b), c));
		assertThat(MerkleTree.rootHex(List.of(leaf("a"), leaf("b"), leaf("c"))))
			.isNotEqualTo(MerkleTree.rootHex(List.of(leaf("a"), leaf("b"), leaf("c"), leaf("c"))));
	}

	@Test
	void changing_any_leaf_or_their_order_changes_the_root() {
		List<byte[]> leaves = List.of(leaf("a"), leaf("b"), leaf("c"), leaf("d"), leaf("e"));
		String root = MerkleTree.rootHex(leaves);

		assertThat(MerkleTree.rootHex(List.of(leaf("a"), leaf("b"), leaf("x"), leaf("d"), leaf("e"))))
			.isNotEqualTo(root);
		assertThat(MerkleTree.rootHex(List.of(leaf("b"), leaf("a"), leaf("c"), leaf("d"), leaf("e"))))
			.isNotEqualTo(root);
		assertThat(MerkleTree.rootHex(leaves.subList(0, 4))).isNotEqualTo(root);
		assertThat(MerkleTree.rootHex(leaves)).isEqualTo(root);
	}

	@Test
	void an_empty_tree_has_the_hash_of_nothing() throws Exception {
		assertThat(MerkleTree.rootHex(List.of())).isEqualTo(HexFormat.of().formatHex(sha256(new byte[0])));
	}

	@Test
	void a_checkpoint_root_does_not_depend_on_the_order_heads_are_listed_in() {
		CaseHead first = new CaseHead(UUID.fromString("00000000-0000-0000-0000-000000000001"), 4, "aa");
		CaseHead second = new CaseHead(UUID.fromString("00000000-0000-0000-0000-000000000002"), 9, "bb");

		assertThat(Checkpoint.merkleRootOf(List.of(first, second)))
			.isEqualTo(Checkpoint.merkleRootOf(List.of(second, first)))
			.isNotEqualTo(Checkpoint.merkleRootOf(List.of(first, new CaseHead(second.participantId(), 9, "bc"))));
	}

	@Test
	void a_signature_holds_for_the_signed_content_only() {
		SigningKey key = SigningKey.of(Ed25519.generate());
		byte[] content = leaf("kedja-checkpoint-v1");
		String signature = key.sign(content);

		assertThat(Ed25519.verify(key.publicKeyBase64(), content, signature)).isTrue();
		assertThat(Ed25519.verify(key.publicKeyBase64(), leaf("kedja-checkpoint-v2"), signature)).isFalse();
		assertThat(Ed25519.verify(SigningKey.of(Ed25519.generate()).publicKeyBase64(), content, signature)).isFalse();
		assertThat(Ed25519.verify("not base64!", content, signature)).isFalse();
	}

}
