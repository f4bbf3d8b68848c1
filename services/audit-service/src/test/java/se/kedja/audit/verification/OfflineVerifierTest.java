package se.kedja.audit.verification;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.audit.CaseStream;
import se.kedja.audit.checkpoint.CaseHead;
import se.kedja.audit.checkpoint.Checkpoint;
import se.kedja.audit.checkpoint.ConsumedPosition;
import se.kedja.events.EventEnvelope;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ProjectId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineVerifierTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final EventJson EVENTS = new EventJson();

	@TempDir
	Path files;

	private final CaseStream stream = new CaseStream(ProjectId.of("orangeriet"));

	OfflineVerifierTest() {
		stream.enrolled(LocalDate.of(2009, 1, 12), Instant.parse("2009-01-12T08:30:00Z"));
		stream.planAgreed(LocalDate.of(2009, 1, 30), Instant.parse("2009-01-30T14:00:00.123456789Z"));
		stream.exited(LocalDate.of(2009, 11, 2), ExitOutcome.EDUCATION, Instant.parse("2009-11-02T09:00:00Z"));
	}

	@Test
	void a_history_that_agrees_with_a_signed_checkpoint_verifies() throws Exception {
		Result result = verify(checkpoint(signer(), stream.events().getLast()), history(wire(stream.events())));

		assertThat(result.code()).isZero();
		assertThat(result.output()).contains("chain intact", "OK");
	}

	@Test
	void an_altered_event_is_named() throws Exception {
		List<ObjectNode> events = wire(stream.events());
		((ObjectNode) events.get(1).path("payload")).put("agreedOn", "2009-01-29");

		Result result = verify(checkpoint(signer(), stream.events().getLast()), history(events));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.output()).contains("event #1", "HASH_MISMATCH", stream.events().get(1).eventId().toString());
	}

	@Test
	void a_removed_event_is_a_gap() throws Exception {
		List<ObjectNode> events = wire(stream.events());
		events.remove(1);

		Result result = verify(checkpoint(signer(), stream.events().getLast()), history(events));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.output()).contains("SEQUENCE_GAP");
	}

	@Test
	void a_history_rewritten_after_the_checkpoint_disagrees_with_it() throws Exception {
		CaseStream rewritten = new CaseStream(stream.project(), stream.participant());
		rewritten.enrolled(LocalDate.of(2009, 1, 12), Instant.parse("2009-01-12T08:30:00Z"));
		rewritten.planAgreed(LocalDate.of(2009, 1, 30), Instant.parse("2009-01-30T14:00:00Z"));
		rewritten.exited(LocalDate.of(2009, 11, 2), ExitOutcome.EMPLOYMENT, Instant.parse("2009-11-02T09:00:00Z"));

		Result result = verify(checkpoint(signer(), stream.events().getLast()), history(wire(rewritten.events())));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.output()).contains("chain intact", "HEAD_REWRITTEN");
	}

	@Test
	void a_checkpoint_with_a_bad_signature_fails() throws Exception {
		ObjectNode checkpoint = (ObjectNode) JSON.readTree(checkpoint(signer(), stream.events().getLast()));
		checkpoint.put("projectId", "sesam");

		Result result = verify(checkpoint.toString(), history(wire(stream.events())));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.output()).contains("signature does not verify");
	}

	@Test
	void unreadable_files_are_reported_not_thrown() throws Exception {
		Result result = verify("{not json", "[]");

		assertThat(result.code()).isEqualTo(2);
	}

	private static KeyPair signer() throws Exception {
		return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
	}

	private String checkpoint(KeyPair key, EventEnvelope<CaseEvent> head) throws Exception {
		List<CaseHead> heads = List.of(new CaseHead(stream.participant().value(), head.sequence(), head.hash()),
				new CaseHead(UUID.randomUUID(), 3, "ab".repeat(32)));
		Checkpoint unsigned = new Checkpoint(UUID.randomUUID(), "orangeriet", Instant.parse("2010-01-01T00:00:00Z"),
				Checkpoint.merkleRootOf(heads), heads, List.of(new ConsumedPosition("kedja.case-events", 0, 41)),
				Checkpoint.ALGORITHM, "test", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), "");
		Signature signature = Signature.getInstance("Ed25519");
		signature.initSign(key.getPrivate());
		signature.update(unsigned.signedContent());
		Checkpoint signed = new Checkpoint(unsigned.checkpointId(), unsigned.projectId(), unsigned.createdAt(),
				unsigned.merkleRoot(), heads, unsigned.positions(), unsigned.algorithm(), unsigned.keyId(),
				unsigned.publicKey(), Base64.getEncoder().encodeToString(signature.sign()));
		return JSON.writeValueAsString(signed);
	}

	private static List<ObjectNode> wire(List<EventEnvelope<CaseEvent>> events) {
		return new java.util.ArrayList<>(
				events.stream().map((event) -> (ObjectNode) JSON.readTree(EVENTS.write(event))).toList());
	}

	private String history(List<ObjectNode> events) {
		return JSON.writeValueAsString(Map.of("format", "kedja-case-history-v1", "participantId",
				stream.participant().toString(), "events", events));
	}

	private Result verify(String checkpoint, String history) throws Exception {
		Path checkpointFile = Files.writeString(files.resolve("checkpoint.json"), checkpoint);
		Path historyFile = Files.writeString(files.resolve("history.json"), history);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = OfflineVerifier.run(new String[] { checkpointFile.toString(), historyFile.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8));
	}

	private record Result(int code, String output) {
	}

}
