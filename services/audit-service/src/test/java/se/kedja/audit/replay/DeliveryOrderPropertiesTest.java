package se.kedja.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import se.kedja.audit.CaseStream;
import se.kedja.audit.store.RecordedEvent;
import se.kedja.events.EventEnvelope;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.SurveyAnswered;
import se.kedja.events.json.EventHashes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever order the topic delivers the cases in — each participant's events in their
 * order, participants interleaved, some events delivered again as after a publisher crash
 * — the audit copy (first delivery kept per event id, read back by sequence) is each case
 * exactly as recorded: its hash chain intact and its replay, now and as on any business
 * date, equal to the replay of the original.
 */
class DeliveryOrderPropertiesTest {

	private static final LocalDate ENROLLED_ON = LocalDate.of(2010, 3, 1);

	@Property(tries = 200)
	void the_audit_copy_replays_like_the_original_whatever_the_delivery(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 8) int participants, @ForAll @IntRange(min = 0, max = 20) int resends) {
		Random random = new Random(seed);
		List<List<EventEnvelope<CaseEvent>>> cases = new ArrayList<>();
		for (int i = 0; i < participants; i++) {
			cases.add(randomCase(random));
		}

		Map<String, Received> copy = new LinkedHashMap<>();
		long received = 0;
		for (EventEnvelope<CaseEvent> delivery : deliveries(cases, random, resends)) {
			copy.putIfAbsent(delivery.eventId().toString(), new Received(delivery, received++));
		}

		for (List<EventEnvelope<CaseEvent>> original : cases) {
			ParticipantId participant = original.get(0).payload().participantId();
			List<EventEnvelope<CaseEvent>> stored = copy.values()
				.stream()
				.filter((event) -> event.envelope().payload().participantId().equals(participant))
				.sorted(Comparator.comparingLong((Received event) -> event.envelope().sequence())
					.thenComparingLong(Received::order))
				.map(Received::envelope)
				.toList();
			assertThat(stored).isEqualTo(original);
			assertThat(EventHashes.verifyChain(stored)).isTrue();
			List<RecordedEvent> storedRecords = stored.stream().map(RecordedEvent::of).toList();
			List<RecordedEvent> originalRecords = original.stream().map(RecordedEvent::of).toList();
			assertThat(CaseReplay.current(participant, storedRecords))
				.isEqualTo(CaseReplay.current(participant, originalRecords));
			for (int days = 0; days < 200; days += 37) {
				LocalDate date = ENROLLED_ON.plusDays(days);
				assertThat(CaseReplay.asOnBusinessDate(participant, storedRecords, date))
					.isEqualTo(CaseReplay.asOnBusinessDate(participant, originalRecords, date));
			}
		}
	}

	private record Received(EventEnvelope<CaseEvent> envelope, long order) {
	}

	private static List<EventEnvelope<CaseEvent>> randomCase(Random random) {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		Instant recordedAt = Instant.parse("2010-03-01T09:00:00Z");
		EventEnvelope<CaseEvent> enrolled = stream.enrolled(ENROLLED_ON, recordedAt);
		int events = random.nextInt(12);
		boolean exited = false;
		for (int i = 1; i <= events; i++) {
			recordedAt = recordedAt.plusSeconds(3600L * random.nextInt(1, 48));
			LocalDate on = ENROLLED_ON.plusDays(random.nextInt(0, 180));
			switch (random.nextInt(5)) {
				case 0 -> stream.planAgreed(on, recordedAt);
				case 1 ->
					stream.record(new FollowUpHeld(stream.participant(), on, List.of(), true, OwnAssessment.BETTER),
							recordedAt, "coach-7");
				case 2 -> stream.record(new SurveyAnswered(stream.participant(), on, "q" + random.nextInt(3), "yes"),
						recordedAt, "coach-7");
				case 3 -> {
					if (!exited) {
						stream.exited(on, ExitOutcome.EMPLOYMENT, recordedAt);
						exited = true;
					}
				}
				default ->
					stream.corrected(enrolled, Map.of("enrolledOn", on.toString()), on, "wrong date", recordedAt);
			}
		}
		return stream.events();
	}

	private static List<EventEnvelope<CaseEvent>> deliveries(List<List<EventEnvelope<CaseEvent>>> cases, Random random,
			int resends) {
		List<EventEnvelope<CaseEvent>> delivered = new ArrayList<>();
		int[] next = new int[cases.size()];
		List<Integer> open = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			open.add(i);
		}
		int resent = 0;
		while (!open.isEmpty()) {
			int which = open.get(random.nextInt(open.size()));
			List<EventEnvelope<CaseEvent>> history = cases.get(which);
			delivered.add(history.get(next[which]++));
			if (resent < resends && random.nextInt(4) == 0) {
				delivered.addAll(history.subList(random.nextInt(next[which]), next[which]));
				resent++;
			}
			if (next[which] == history.size()) {
				open.remove(Integer.valueOf(which));
			}
		}
		return delivered;
	}

}
