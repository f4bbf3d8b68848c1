package se.kedja.audit.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One read, chained to the read before it: {@code hash} covers every field and
 * {@code previousHash}, so removing or editing a row breaks the chain from there on.
 */
public record AccessLogEntry(long position, Instant accessedAt, String accessedBy, @Nullable UUID participantId,
		String action, String purpose, String detail, String previousHash, String hash) {

	static final String GENESIS = "0".repeat(64);

	static String hashOf(long position, Instant accessedAt, String accessedBy, @Nullable UUID participantId,
			String action, String purpose, String detail, String previousHash) {
		StringBuilder canonical = new StringBuilder();
		for (Object field : new Object[] { position, accessedAt, accessedBy,
				(participantId != null) ? participantId : "", action, purpose, detail, previousHash }) {
			String text = field.toString();
			canonical.append(text.length()).append(':').append(text).append(';');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean hashMatches() {
		return hash
			.equals(hashOf(position, accessedAt, accessedBy, participantId, action, purpose, detail, previousHash));
	}

}
