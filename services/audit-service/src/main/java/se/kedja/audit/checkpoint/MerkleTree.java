package se.kedja.audit.checkpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A binary SHA-256 Merkle tree with domain-separated leaves (0x00) and nodes (0x01), so a
 * node can never pass for a leaf. An odd node at the end of a level is carried up
 * unchanged rather than paired with itself, so no two different leaf lists share a root.
 */
public final class MerkleTree {

	private static final byte LEAF = 0x00;

	private static final byte NODE = 0x01;

	private MerkleTree() {
	}

	public static String rootHex(List<byte[]> leaves) {
		return HexFormat.of().formatHex(root(leaves));
	}

	public static byte[] root(List<byte[]> leaves) {
		if (leaves.isEmpty()) {
			return sha256(new byte[0]);
		}
		List<byte[]> level = new ArrayList<>(leaves.size());
		for (byte[] leaf : leaves) {
			level.add(sha256(LEAF, leaf));
		}
		while (level.size() > 1) {
			List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
			for (int i = 0; i < level.size(); i += 2) {
				up.add((i + 1 < level.size()) ? sha256(NODE, level.get(i), level.get(i + 1)) : level.get(i));
			}
			level = up;
		}
		return level.get(0);
	}

	private static byte[] sha256(byte prefix, byte[]... parts) {
		MessageDigest digest = digest();
		digest.update(prefix);
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

	private static byte[] sha256(byte[] bytes) {
		return digest().digest(bytes);
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
