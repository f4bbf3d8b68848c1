package se.kedja.cases.participant;

import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.AnswerSurvey;
import se.kedja.cases.participant.command.ErasePersonalData;
import se.kedja.cases.participant.command.GiveConsent;
import se.kedja.cases.participant.command.RecordCorrection;
import se.kedja.events.EventId;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.PersonalDataErased;

import static se.kedja.cases.participant.CaseFixtures.CLOCK;
import static se.kedja.cases.participant.CaseFixtures.EMPLOYMENT_SERVICE;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.dayAfter;
import static se.kedja.cases.participant.CaseFixtures.enrol;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exit;
import static se.kedja.cases.participant.CaseFixtures.exited;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class CorrectionAndErasureAggregateTest {

	private static final Map<String, String> OUTCOME_WAS_EDUCATION = Map.of("outcome", "EDUCATION");

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void a_correction_of_an_event_of_the_case_is_recorded_with_what_and_why() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY.minusDays(3)));
		EventId exit = recordedEventId(1);
		given.when(new RecordCorrection(PARTICIPANT, exit, OUTCOME_WAS_EDUCATION, TODAY, "wrong outcome chosen"))
			.expectEvents(new CorrectionRecorded(PARTICIPANT, exit, "participant-exited", OUTCOME_WAS_EDUCATION, TODAY,
					"wrong outcome chosen"));
	}

	@Test
	void a_correction_of_an_event_the_case_does_not_have_is_refused() {
		this.fixture.given(enrolled(), exited(TODAY))
			.when(new RecordCorrection(PARTICIPANT, EventId.random(), OUTCOME_WAS_EDUCATION, TODAY, "typo"))
			.expectException(refusedWith(CaseError.UNKNOWN_EVENT));
	}

	@Test
	void a_correction_of_a_field_the_event_does_not_have_is_refused() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY));
		given.when(new RecordCorrection(PARTICIPANT, recordedEventId(1), Map.of("salary", "high"), TODAY, "typo"))
			.expectException(refusedWith(CaseError.UNKNOWN_FIELD));
	}

	@Test
	void a_correction_cannot_move_an_event_to_another_case() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY));
		given
			.when(new RecordCorrection(PARTICIPANT, recordedEventId(1),
					Map.of("participantId", "0f0e0d0c-0b0a-4909-8807-060504030201"), TODAY, "wrong person"))
			.expectException(refusedWith(CaseError.UNKNOWN_FIELD));
	}

	@Test
	void a_correction_without_a_reason_is_refused() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY));
		given.when(new RecordCorrection(PARTICIPANT, recordedEventId(1), OUTCOME_WAS_EDUCATION, TODAY, ""))
			.expectException(refusedWith(CaseError.CORRECTION_INCOMPLETE));
	}

	@Test
	void erasure_is_recorded() {
		this.fixture.given(enrolled())
			.when(new ErasePersonalData(PARTICIPANT, TODAY))
			.expectEvents(new PersonalDataErased(PARTICIPANT, TODAY));
	}

	@Test
	void nothing_is_recorded_after_erasure() {
		this.fixture.given(enrolled(), new PersonalDataErased(PARTICIPANT, TODAY))
			.when(new AnswerSurvey(PARTICIPANT, TODAY, "chances-of-work-increased", "agree"))
			.expectException(refusedWith(CaseError.CASE_ERASED));
	}

	@Test
	void no_consent_is_recorded_after_erasure() {
		this.fixture.given(enrolled(), new PersonalDataErased(PARTICIPANT, TODAY))
			.when(new GiveConsent(PARTICIPANT, TODAY, List.of(EMPLOYMENT_SERVICE)))
			.expectException(refusedWith(CaseError.CASE_ERASED));
	}

	@Test
	void an_exit_after_erasure_is_refused() {
		this.fixture.given(enrolled(), new PersonalDataErased(PARTICIPANT, TODAY))
			.when(exit(TODAY))
			.expectException(refusedWith(CaseError.CASE_ERASED));
	}

	@Test
	void erasure_cancels_the_deadlines_of_the_case() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(TODAY))
			.when(new ErasePersonalData(PARTICIPANT, TODAY))
			.expectNoScheduledDeadlines();
	}

	@Test
	void an_erased_case_reports_no_missed_deadlines() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(TODAY), new ErasePersonalData(PARTICIPANT, TODAY))
			.whenThenTimeAdvancesTo(dayAfter(TODAY.plusDays(30)))
			.expectNoEvents();
	}

	private EventId recordedEventId(int sequence) {
		return EventId.of(this.fixture.getEventStore()
			.readEvents(PARTICIPANT.toString())
			.asStream()
			.skip(sequence)
			.findFirst()
			.orElseThrow()
			.getIdentifier());
	}

}
