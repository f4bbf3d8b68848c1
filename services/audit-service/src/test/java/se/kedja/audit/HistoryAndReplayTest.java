package se.kedja.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.ExitOutcome;
import se.kedja.events.cases.CaseEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach records an exit to "job seeking" on 1 October; months later the record is
 * corrected: the participant had in fact left for work on 20 September.
 */
class HistoryAndReplayTest extends AuditServiceTest {

	private CaseStream stream;

	private EventEnvelope<CaseEvent> exit;

	@BeforeEach
	void aCaseWithALateCorrection() {
		stream = new CaseStream(CaseStream.uniqueProject());
		stream.enrolled(LocalDate.of(2010, 3, 15), Instant.parse("2010-03-15T09:00:00Z"));
		stream.planAgreed(LocalDate.of(2010, 3, 25), Instant.parse("2010-03-25T13:30:00Z"));
		exit = stream.exited(LocalDate.of(2010, 10, 1), ExitOutcome.JOB_SEEKING, Instant.parse("2010-10-01T15:00:00Z"));
		stream.corrected(exit, Map.of("outcome", "EMPLOYMENT", "exitedOn", "2010-09-20"), LocalDate.of(2011, 2, 1),
				"employment contract found at the 90-day follow-up", Instant.parse("2011-02-01T10:00:00Z"));
		publishAndAwait(stream);
	}

	@Test
	void history_lists_every_event_in_order_with_who_recorded_it_and_when() {
		JsonNode history = getJson("/api/participants/" + stream.participant() + "/history");

		assertThat(history.path("totalEvents").asInt()).isEqualTo(4);
		JsonNode events = history.path("events");
		assertThat(events).extracting((event) -> event.path("type").asString())
			.containsExactly("participant-enrolled", "plan-agreed", "participant-exited", "correction-recorded");
		assertThat(events.get(2).path("businessDate").asString()).isEqualTo("2010-10-01");
		assertThat(events.get(2).path("recordedAt").asString()).isEqualTo("2010-10-01T15:00:00Z");
		assertThat(events.get(3).path("recordedBy").asString()).isEqualTo("auditor-coach-2");
	}

	@Test
	void a_correction_shows_its_reason_and_what_it_changed() {
		JsonNode correction = getJson("/api/participants/" + stream.participant() + "/history").path("events")
			.get(3)
			.path("correction");

		assertThat(correction.path("corrects").asString()).isEqualTo(exit.eventId().toString());
		assertThat(correction.path("reason").asString()).isEqualTo("employment contract found at the 90-day follow-up");
		assertThat(correction.path("eventChanges").toString()).contains(
				"{\"field\":\"exitedOn\",\"from\":\"2010-10-01\",\"to\":\"2010-09-20\"}",
				"{\"field\":\"outcome\",\"from\":\"JOB_SEEKING\",\"to\":\"EMPLOYMENT\"}");
		assertThat(correction.path("caseChanges").toString()).contains(
				"{\"field\":\"exitOutcome\",\"from\":\"JOB_SEEKING\",\"to\":\"EMPLOYMENT\"}",
				"{\"field\":\"exitedOn\",\"from\":\"2010-10-01\",\"to\":\"2010-09-20\"}");
	}

	@Test
	void history_pages_through_a_case() {
		JsonNode second = getJson("/api/participants/" + stream.participant() + "/history?page=1&size=3");

		assertThat(second.path("events")).hasSize(1);
		assertThat(second.path("events").get(0).path("sequence").asLong()).isEqualTo(3);
	}

	@Test
	void as_recorded_at_a_time_the_late_correction_is_not_yet_known() {
		JsonNode state = getJson("/api/participants/" + stream.participant() + "/state?asOf=2010-12-31T00:00:00Z")
			.path("fields");

		assertThat(state.path("status").asString()).isEqualTo("EXITED");
		assertThat(state.path("exitOutcome").asString()).isEqualTo("JOB_SEEKING");
		assertThat(state.path("exitedOn").asString()).isEqualTo("2010-10-01");
	}

	@Test
	void as_on_a_business_date_every_correction_known_today_is_applied() {
		JsonNode state = getJson("/api/participants/" + stream.participant() + "/state?businessDate=2010-12-31")
			.path("fields");

		assertThat(state.path("exitOutcome").asString()).isEqualTo("EMPLOYMENT");
		assertThat(state.path("exitedOn").asString()).isEqualTo("2010-09-20");
	}

	@Test
	void the_two_replays_differ_on_whether_the_participant_had_left_by_the_corrected_date() {
		String base = "/api/participants/" + stream.participant() + "/state";

		JsonNode asRecorded = getJson(base + "?asOf=2010-09-25T12:00:00Z");
		JsonNode asHappened = getJson(base + "?businessDate=2010-09-25");

		assertThat(asRecorded.path("fields").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(asHappened.path("fields").path("status").asString()).isEqualTo("EXITED");
		assertThat(asHappened.path("correctionsApplied").asInt()).isEqualTo(1);
		assertThat(asRecorded.path("mode").asString()).isEqualTo("as-recorded-by");
	}

	@Test
	void before_enrolment_was_recorded_nothing_is_known() {
		JsonNode state = getJson("/api/participants/" + stream.participant() + "/state?asOf=2010-01-01T00:00:00Z");

		assertThat(state.path("status").asString()).isEqualTo("NOT_ENROLLED");
	}

}
