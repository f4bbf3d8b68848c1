package se.kedja.events.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.ExitOutcome;
import se.kedja.events.SampleEvents;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.ParticipantExited;

import static org.assertj.core.api.Assertions.assertThat;

class EventHashesTest {

	private static final EventJson JSON = new EventJson();

	private static final ParticipantExited EXIT = new ParticipantExited(SampleEvents.PARTICIPANT,
			LocalDate.of(2010, 10, 1), ExitReason.PLAN_COMPLETED, ExitOutcome.EMPLOYMENT);

	private static final EventEnvelope<CaseEvent> ORIGINAL = SampleEvents.<CaseEvent>envelope(EXIT,
			"participant-exited", 3, "ab".repeat(32));

	static Stream<Arguments> changes() {
		return Stream.of(change("type",
				(e) -> copy(e, "participant-enrolled", e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
						e.recordedAt(), e.recordedBy(), e.commandId(), e.importId(), e.previousHash(), e.payload())),
				change("schemaVersion",
						(e) -> copy(e, e.type(), 2, e.streamId(), e.sequence(), e.businessDate(), e.recordedAt(),
								e.recordedBy(), e.commandId(), e.importId(), e.previousHash(), e.payload())),
				change("streamId",
						(e) -> copy(e, e.type(), e.schemaVersion(), UUID.randomUUID().toString(), e.sequence(),
								e.businessDate(), e.recordedAt(), e.recordedBy(), e.commandId(), e.importId(),
								e.previousHash(), e.payload())),
				change("sequence",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), 4, e.businessDate(), e.recordedAt(),
								e.recordedBy(), e.commandId(), e.importId(), e.previousHash(), e.payload())),
				change("businessDate",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(),
								e.businessDate().minusDays(1), e.recordedAt(), e.recordedBy(), e.commandId(),
								e.importId(), e.previousHash(), e.payload())),
				change("recordedAt",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
								e.recordedAt().plusMillis(1), e.recordedBy(), e.commandId(), e.importId(),
								e.previousHash(), e.payload())),
				change("recordedBy",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
								e.recordedAt(), "coach-18", e.commandId(), e.importId(), e.previousHash(),
								e.payload())),
				change("commandId",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
								e.recordedAt(), e.recordedBy(), null, e.importId(), e.previousHash(), e.payload())),
				change("importId",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
								e.recordedAt(), e.recordedBy(), e.commandId(), "import-2010-03", e.previousHash(),
								e.payload())),
				change("previousHash",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
								e.recordedAt(), e.recordedBy(), e.commandId(), e.importId(), "cd".repeat(32),
								e.payload())),
				change("payload",
						(e) -> copy(e, e.type(), e.schemaVersion(), e.streamId(), e.sequence(), e.businessDate(),
								e.recordedAt(), e.recordedBy(), e.commandId(), e.importId(), e.previousHash(),
								new ParticipantExited(EXIT.participantId(), EXIT.exitedOn(), EXIT.reason(),
										ExitOutcome.JOB_SEEKING))));
	}

	@Test
	void a_hash_is_sha256_in_hex_and_the_same_every_time() {
		assertThat(EventHashes.hash(ORIGINAL)).matches("[0-9a-f]{64}").isEqualTo(EventHashes.hash(ORIGINAL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changes")
	void changing_any_recorded_field_changes_the_hash(String field, UnaryOperator<EventEnvelope<CaseEvent>> change) {
		assertThat(EventHashes.hash(change.apply(ORIGINAL))).isNotEqualTo(EventHashes.hash(ORIGINAL));
	}

	@Test
	void the_correlation_id_is_part_of_the_hash() {
		EventEnvelope<CaseEvent> correlated = new EventEnvelope<>(ORIGINAL.eventId(), ORIGINAL.type(), 1,
				ORIGINAL.streamId(), ORIGINAL.sequence(), ORIGINAL.businessDate(), ORIGINAL.recordedAt(),
				ORIGINAL.recordedBy(), ORIGINAL.commandId(), UUID.randomUUID(), null, null, ORIGINAL.previousHash(), -1,
				EXIT);
		assertThat(EventHashes.hash(correlated)).isNotEqualTo(EventHashes.hash(ORIGINAL));
	}

	@Test
	void the_event_id_global_position_and_hash_field_are_not_hashed() {
		EventEnvelope<CaseEvent> renamed = new EventEnvelope<>(EventId.random(), ORIGINAL.type(), 1,
				ORIGINAL.streamId(), ORIGINAL.sequence(), ORIGINAL.businessDate(), ORIGINAL.recordedAt(),
				ORIGINAL.recordedBy(), ORIGINAL.commandId(), null, null, "ff".repeat(32), ORIGINAL.previousHash(), 4711,
				EXIT);
		assertThat(EventHashes.hash(renamed)).isEqualTo(EventHashes.hash(ORIGINAL));
	}

	@Test
	void an_envelope_verifies_both_typed_and_as_written_bytes() {
		EventEnvelope<CaseEvent> hashed = ORIGINAL.withHash(EventHashes.hash(ORIGINAL));
		assertThat(EventHashes.verify(hashed)).isTrue();
		assertThat(EventHashes.verifyJson(JSON.write(hashed))).isTrue();
	}

	@Test
	void an_unhashed_envelope_does_not_verify() {
		assertThat(EventHashes.verify(ORIGINAL)).isFalse();
	}

	@Test
	void an_intact_chain_verifies() {
		assertThat(EventHashes.verifyChain(chain())).isTrue();
	}

	@Test
	void an_altered_event_breaks_the_chain_where_it_was_altered() {
		List<EventEnvelope<CaseEvent>> chain = chain();
		EventEnvelope<CaseEvent> second = chain.get(1);
		chain.set(1,
				copy(second, second.type(), 1, second.streamId(), 1, second.businessDate().plusDays(1),
						second.recordedAt(), second.recordedBy(), second.commandId(), null, second.previousHash(),
						second.payload())
					.withHash(second.hash()));
		assertThat(EventHashes.firstBreak(chain)).hasValue(1);
	}

	@Test
	void an_altered_event_with_a_recomputed_hash_breaks_the_link_to_the_next() {
		List<EventEnvelope<CaseEvent>> chain = chain();
		EventEnvelope<CaseEvent> second = chain.get(1);
		EventEnvelope<CaseEvent> forged = copy(second, second.type(), 1, second.streamId(), 1,
				second.businessDate().plusDays(1), second.recordedAt(), second.recordedBy(), second.commandId(), null,
				second.previousHash(), second.payload());
		chain.set(1, forged.withHash(EventHashes.hash(forged)));
		assertThat(EventHashes.firstBreak(chain)).hasValue(2);
	}

	@Test
	void a_removed_event_breaks_the_chain() {
		List<EventEnvelope<CaseEvent>> chain = chain();
		chain.remove(1);
		assertThat(EventHashes.firstBreak(chain)).hasValue(1);
	}

	@Test
	void altered_bytes_do_not_verify() {
		EventEnvelope<CaseEvent> hashed = ORIGINAL.withHash(EventHashes.hash(ORIGINAL));
		String wire = new String(JSON.write(hashed)).replace("EMPLOYMENT", "JOB_SEEKING");
		assertThat(EventHashes.verifyJson(wire.getBytes())).isFalse();
	}

	private static List<EventEnvelope<CaseEvent>> chain() {
		List<EventEnvelope<CaseEvent>> chain = new ArrayList<>();
		String previous = null;
		for (Object event : SampleEvents.all().subList(0, 4)) {
			CaseEvent caseEvent = (CaseEvent) event;
			EventEnvelope<CaseEvent> envelope = SampleEvents.envelope(caseEvent, JSON.typeName(event.getClass()),
					chain.size(), previous);
			envelope = envelope.withHash(EventHashes.hash(envelope));
			chain.add(envelope);
			previous = envelope.hash();
		}
		return chain;
	}

	private static Arguments change(String field, UnaryOperator<EventEnvelope<CaseEvent>> change) {
		return Arguments.of(field, change);
	}

	private static EventEnvelope<CaseEvent> copy(EventEnvelope<CaseEvent> e, String type, int schemaVersion,
			String streamId, long sequence, LocalDate businessDate, Instant recordedAt, String recordedBy,
			UUID commandId, String importId, String previousHash, CaseEvent payload) {
		return new EventEnvelope<>(e.eventId(), type, schemaVersion, streamId, sequence, businessDate, recordedAt,
				recordedBy, commandId, e.correlationId(), importId, null, previousHash, e.globalPosition(), payload);
	}

}
