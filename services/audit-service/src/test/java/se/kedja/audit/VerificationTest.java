package se.kedja.audit;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ProjectId;
import se.kedja.events.cases.CaseEvent;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationTest extends AuditServiceTest {

	private static final Instant T0 = Instant.parse("2010-03-15T09:00:00Z");

	private CaseStream aCase(ProjectId project) {
		CaseStream stream = new CaseStream(project);
		stream.enrolled(LocalDate.of(2010, 3, 15), T0);
		stream.planAgreed(LocalDate.of(2010, 3, 25), T0.plusSeconds(86_400 * 10));
		stream.exited(LocalDate.of(2010, 10, 1), ExitOutcome.EDUCATION, T0.plusSeconds(86_400 * 200));
		publishAndAwait(stream);
		return stream;
	}

	@Test
	void an_untouched_case_verifies() {
		CaseStream stream = aCase(CaseStream.uniqueProject());

		JsonNode verification = getJson("/api/participants/" + stream.participant() + "/verification");

		assertThat(verification.path("intact").asBoolean()).isTrue();
		assertThat(verification.path("events").asInt()).isEqualTo(3);
		assertThat(verification.path("lastHash").asString()).isEqualTo(stream.events().getLast().hash());
		assertThat(getJson("/api/projects/" + stream.project() + "/verification").path("intact").asBoolean()).isTrue();
	}

	@Test
	void an_event_altered_in_the_database_is_named() {
		CaseStream stream = aCase(CaseStream.uniqueProject());
		EventEnvelope<CaseEvent> exit = stream.events().get(2);

		tamper("UPDATE audit.case_event SET payload = jsonb_set(payload, '{outcome}', '\"EMPLOYMENT\"') "
				+ "WHERE event_id = '" + exit.eventId() + "'");

		JsonNode verification = getJson("/api/participants/" + stream.participant() + "/verification");
		assertThat(verification.path("intact").asBoolean()).isFalse();
		JsonNode finding = verification.path("findings").get(0);
		assertThat(finding.path("problem").asString()).isEqualTo("HASH_MISMATCH");
		assertThat(finding.path("eventId").asString()).isEqualTo(exit.eventId().toString());
		assertThat(finding.path("sequence").asLong()).isEqualTo(2);
		JsonNode project = getJson("/api/projects/" + stream.project() + "/verification");
		assertThat(project.path("intact").asBoolean()).isFalse();
		assertThat(project.path("broken").get(0).path("participantId").asString())
			.isEqualTo(stream.participant().toString());
	}

	@Test
	void an_event_deleted_from_the_database_leaves_a_gap() {
		CaseStream stream = aCase(CaseStream.uniqueProject());

		tamper("DELETE FROM audit.case_event WHERE event_id = '" + stream.events().get(1).eventId() + "'");

		JsonNode finding = getJson("/api/participants/" + stream.participant() + "/verification").path("findings")
			.get(0);
		assertThat(finding.path("problem").asString()).isEqualTo("SEQUENCE_GAP");
		assertThat(finding.path("sequence").asLong()).isEqualTo(2);
		assertThat(finding.path("eventId").asString()).isEqualTo(stream.events().get(2).eventId().toString());
	}

	@Test
	void a_case_rewritten_consistently_after_a_checkpoint_is_caught_by_the_checkpoint() {
		ProjectId project = CaseStream.uniqueProject();
		CaseStream honest = aCase(project);
		CaseStream other = aCase(project);
		HttpResponse<String> taken = post("/api/projects/" + project + "/checkpoints", "");
		assertThat(taken.statusCode()).isEqualTo(201);
		String checkpointId = json(taken).path("checkpointId").asString();
		String exported = getJson("/api/checkpoints/" + checkpointId).toString();

		tamper("DELETE FROM audit.case_event WHERE participant_id = '" + honest.participant() + "'");
		CaseStream rewrite = rewriteOf(honest);
		publishAndAwait(rewrite);
		assertThat(getJson("/api/participants/" + honest.participant() + "/verification").path("intact").asBoolean())
			.as("the rewritten chain is consistent in itself")
			.isTrue();

		JsonNode result = json(post("/api/projects/" + project + "/verification/against-checkpoint", exported));
		assertThat(result.path("intact").asBoolean()).isFalse();
		JsonNode finding = result.path("findings").get(0);
		assertThat(finding.path("problem").asString()).isEqualTo("HEAD_REWRITTEN");
		assertThat(finding.path("participantId").asString()).isEqualTo(honest.participant().toString());
		assertThat(result.path("findings").toString()).doesNotContain(other.participant().toString());
	}

	@Test
	void a_case_that_only_grew_after_a_checkpoint_still_agrees_with_it() {
		ProjectId project = CaseStream.uniqueProject();
		CaseStream stream = aCase(project);
		String checkpointId = json(post("/api/projects/" + project + "/checkpoints", "")).path("checkpointId")
			.asString();
		stream.corrected(stream.events().get(2), Map.of("outcome", "EMPLOYMENT"), LocalDate.of(2011, 1, 10),
				"wrong outcome", T0.plusSeconds(86_400 * 300));
		publishAndAwait(stream);

		JsonNode result = json(post("/api/projects/" + project + "/verification/against-checkpoint",
				getJson("/api/checkpoints/" + checkpointId).toString()));

		assertThat(result.path("intact").asBoolean()).isTrue();
	}

	@Test
	void a_checkpoint_with_a_bad_signature_is_refused() {
		ProjectId project = CaseStream.uniqueProject();
		aCase(project);
		String checkpointId = json(post("/api/projects/" + project + "/checkpoints", "")).path("checkpointId")
			.asString();
		ObjectNode checkpoint = (ObjectNode) getJson("/api/checkpoints/" + checkpointId);
		checkpoint.put("createdAt", "2030-01-01T00:00:00Z");

		HttpResponse<String> response = post("/api/projects/" + project + "/verification/against-checkpoint",
				checkpoint.toString());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(json(response).path("code").asString()).isEqualTo("checkpoint-rejected");
	}

	@Test
	void a_checkpoint_signs_the_merkle_root_of_the_case_heads() {
		ProjectId project = CaseStream.uniqueProject();
		CaseStream first = aCase(project);
		CaseStream second = aCase(project);

		JsonNode checkpoint = json(post("/api/projects/" + project + "/checkpoints", ""));

		assertThat(checkpoint.path("heads")).hasSize(2);
		assertThat(checkpoint.path("heads").toString()).contains(first.events().getLast().hash(),
				second.events().getLast().hash());
		assertThat(checkpoint.path("merkleRoot").asString()).hasSize(64);
		assertThat(checkpoint.path("algorithm").asString()).isEqualTo("Ed25519");
		assertThat(checkpoint.path("positions")).isNotEmpty();
		assertThat(checkpoint.path("signature").asString()).isNotBlank();
	}

	/**
	 * The same case told differently: same participant, new event ids, a better outcome.
	 */
	private static CaseStream rewriteOf(CaseStream honest) {
		CaseStream rewrite = new CaseStream(honest.project(), honest.participant());
		rewrite.enrolled(LocalDate.of(2010, 3, 15), T0);
		rewrite.planAgreed(LocalDate.of(2010, 3, 25), T0.plusSeconds(86_400 * 10));
		rewrite.exited(LocalDate.of(2010, 10, 1), ExitOutcome.EMPLOYMENT, T0.plusSeconds(86_400 * 200));
		return rewrite;
	}

}
