package se.kedja.audit.verification;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.audit.checkpoint.Checkpoint;
import se.kedja.audit.checkpoint.Ed25519;

/**
 * Checks an exported checkpoint and an exported case history without the service or its
 * database: the checkpoint's signature and Merkle root, the history's hash chain, and
 * that the case's head at the checkpoint is still in the history with the signed hash.
 * Exit code 0 when everything holds, 1 when something does not, 2 when the files cannot
 * be read. Compare the printed key id with the one the audit service publishes.
 */
public final class OfflineVerifier {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OfflineVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	public static int run(String[] args, PrintStream out) {
		if (args.length != 2) {
			out.println("usage: OfflineVerifier <checkpoint.json> <history.json>");
			return 2;
		}
		Checkpoint checkpoint;
		JsonNode history;
		try {
			checkpoint = JSON.readValue(Files.readString(Path.of(args[0])), Checkpoint.class);
			history = JSON.readTree(Files.readString(Path.of(args[1])));
		}
		catch (IOException | JacksonException ex) {
			out.println("cannot read the files: " + ex.getMessage());
			return 2;
		}
		List<String> failures = new ArrayList<>();
		out.println("checkpoint " + checkpoint.checkpointId() + " of project " + checkpoint.projectId() + " at "
				+ checkpoint.createdAt() + ", signed with key " + checkpoint.keyId());
		if (!checkpoint.rootMatchesHeads()) {
			failures.add("the checkpoint's Merkle root does not match its heads");
		}
		if (!Ed25519.verify(checkpoint.publicKey(), checkpoint.signedContent(), checkpoint.signature())) {
			failures.add("the checkpoint's signature does not verify");
		}
		String participant = history.path("participantId").asString("");
		List<JsonNode> events = new ArrayList<>();
		history.path("events").forEach(events::add);
		CaseVerification chain = ChainVerification.verify(participant, events);
		out.println("history of case " + participant + ": " + events.size() + " events, chain "
				+ (chain.intact() ? "intact" : "BROKEN"));
		chain.findings().forEach((finding) -> failures.add(describe(finding)));
		boolean covered = checkpoint.heads()
			.stream()
			.anyMatch((head) -> head.participantId().toString().equals(participant));
		if (covered) {
			Checkpoint ofThisCase = new Checkpoint(checkpoint.checkpointId(), checkpoint.projectId(),
					checkpoint.createdAt(), checkpoint.merkleRoot(),
					checkpoint.heads()
						.stream()
						.filter((head) -> head.participantId().toString().equals(participant))
						.toList(),
					checkpoint.positions(), checkpoint.algorithm(), checkpoint.keyId(), checkpoint.publicKey(),
					checkpoint.signature());
			CheckpointComparison.compare(ofThisCase, Map.of(participant, events))
				.forEach((finding) -> failures.add(describe(finding)));
		}
		else {
			failures.add("the checkpoint does not cover case " + participant);
		}
		failures.forEach((failure) -> out.println("FAIL " + failure));
		out.println(failures.isEmpty() ? "OK: the history agrees with the signed checkpoint" : "NOT VERIFIED");
		return failures.isEmpty() ? 0 : 1;
	}

	private static String describe(Finding finding) {
		return "case " + finding.participantId() + " event #" + finding.sequence()
				+ ((finding.eventId() != null) ? " (" + finding.eventId() + ")" : "") + ": " + finding.problem() + " — "
				+ finding.detail();
	}

}
