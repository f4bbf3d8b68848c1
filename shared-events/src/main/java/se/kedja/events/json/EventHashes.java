package se.kedja.events.json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.events.EventEnvelope;

/**
 * The hash chain of a stream. An event's hash is the SHA-256 of the canonical JSON
 * (sorted keys, no spaces) of what it says and when and by whom it was recorded,
 * including the hash of the event before it. The event id and the global position are
 * left out: they name the event, they are not what it says.
 */
public final class EventHashes {

	static final List<String> HASHED_FIELDS = List.of("type", "schemaVersion", "streamId", "sequence", "businessDate",
			"recordedAt", "recordedBy", "commandId", "correlationId", "importId", "previousHash", "payload");

	private static final EventJson JSON = new EventJson();

	private EventHashes() {
	}

	/** The hash of an envelope; its own {@code hash} field is ignored. */
	public static String hash(EventEnvelope<?> envelope) {
		return hashOfTree(JSON.tree(envelope));
	}

	public static boolean verify(EventEnvelope<?> envelope) {
		return Objects.equals(envelope.hash(), hash(envelope));
	}

	/**
	 * Verifies an envelope exactly as it was written, before any upcasting: use this on
	 * stored bytes, since an upcast payload no longer hashes to what was recorded.
	 */
	public static boolean verifyJson(byte[] envelopeJson) {
		JsonNode tree = JSON.parse(envelopeJson);
		JsonNode hash = tree.get("hash");
		return hash != null && hash.isString() && hash.stringValue().equals(hashOfTree(tree));
	}

	/**
	 * The first sequence number at which a stream, in order, stops being an unbroken
	 * chain: a gap, a wrong previous hash, or a hash that does not match the event. Empty
	 * if intact.
	 */
	public static OptionalLong firstBreak(List<? extends EventEnvelope<?>> stream) {
		String previousHash = null;
		for (int i = 0; i < stream.size(); i++) {
			EventEnvelope<?> event = stream.get(i);
			if (event.sequence() != i || !Objects.equals(event.previousHash(), previousHash) || !verify(event)) {
				return OptionalLong.of(i);
			}
			previousHash = event.hash();
		}
		return OptionalLong.empty();
	}

	public static boolean verifyChain(List<? extends EventEnvelope<?>> stream) {
		return firstBreak(stream).isEmpty();
	}

	private static String hashOfTree(JsonNode envelope) {
		ObjectNode canonical = JsonNodeFactory.instance.objectNode();
		for (String field : HASHED_FIELDS) {
			JsonNode value = envelope.get(field);
			canonical.set(field, (value != null) ? value : JsonNodeFactory.instance.nullNode());
		}
		return sha256(JSON.canonicalBytes(canonical));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
