package se.kedja.cases.participant;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.AgreePlan;
import se.kedja.cases.participant.command.AnswerSurvey;
import se.kedja.cases.participant.command.RecordPostExitFollowUp;
import se.kedja.events.ExitOutcome;
import se.kedja.events.cases.PostExitFollowUpDeadlineMissed;
import se.kedja.events.cases.PostExitFollowUpRecorded;
import se.kedja.events.cases.SurveyAnswered;

import static se.kedja.cases.participant.CaseFixtures.CLOCK;
import static se.kedja.cases.participant.CaseFixtures.ENROLLED_ON;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.dayAfter;
import static se.kedja.cases.participant.CaseFixtures.enrol;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exit;
import static se.kedja.cases.participant.CaseFixtures.exited;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class ExitAggregateTest {

	private static final LocalDate EXITED_ON = ENROLLED_ON.plusDays(1);

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void an_exit_is_recorded_with_reason_and_outcome() {
		this.fixture.given(enrolled()).when(exit(TODAY)).expectEvents(exited(TODAY));
	}

	@Test
	void an_exit_schedules_the_follow_up_ninety_days_on_with_its_window() {
		this.fixture.given(enrolled())
			.when(exit(TODAY))
			.expectScheduledDeadline(dayAfter(TODAY.plusDays(120)),
					new PostExitFollowUpDue(90, TODAY.plusDays(90), TODAY.plusDays(120)));
	}

	@Test
	void a_second_exit_is_refused() {
		this.fixture.given(enrolled(), exited(EXITED_ON))
			.when(exit(TODAY))
			.expectException(refusedWith(CaseError.ALREADY_EXITED));
	}

	@Test
	void an_exit_before_enrolment_is_refused() {
		this.fixture.given(enrolled())
			.when(exit(ENROLLED_ON.minusDays(1)))
			.expectException(refusedWith(CaseError.DATE_BEFORE_ENROLMENT));
	}

	@Test
	void an_exit_in_the_future_is_refused() {
		this.fixture.given(enrolled())
			.when(exit(TODAY.plusDays(1)))
			.expectException(refusedWith(CaseError.DATE_IN_FUTURE));
	}

	@Test
	void a_post_exit_follow_up_on_its_day_is_recorded() {
		this.fixture.given(enrolled(), exited(EXITED_ON))
			.when(followUp(EXITED_ON.plusDays(90)))
			.expectEvents(new PostExitFollowUpRecorded(PARTICIPANT, 90, EXITED_ON.plusDays(90), ExitOutcome.EDUCATION));
	}

	@Test
	void a_post_exit_follow_up_before_its_day_is_refused() {
		this.fixture.given(enrolled(), exited(EXITED_ON))
			.when(followUp(EXITED_ON.plusDays(89)))
			.expectException(refusedWith(CaseError.POST_EXIT_FOLLOW_UP_TOO_EARLY));
	}

	@Test
	void a_post_exit_follow_up_before_exit_is_refused() {
		this.fixture.given(enrolled()).when(followUp(TODAY)).expectException(refusedWith(CaseError.NOT_EXITED));
	}

	@Test
	void a_post_exit_follow_up_in_the_future_is_refused() {
		this.fixture.given(enrolled(), exited(TODAY.minusDays(30)))
			.when(followUp(TODAY.plusDays(60)))
			.expectException(refusedWith(CaseError.DATE_IN_FUTURE));
	}

	@Test
	void a_post_exit_follow_up_is_recorded_once() {
		this.fixture
			.given(enrolled(), exited(EXITED_ON),
					new PostExitFollowUpRecorded(PARTICIPANT, 90, EXITED_ON.plusDays(90), ExitOutcome.EMPLOYMENT))
			.when(followUp(TODAY))
			.expectException(refusedWith(CaseError.POST_EXIT_FOLLOW_UP_ALREADY_RECORDED));
	}

	@Test
	void a_post_exit_follow_up_not_recorded_within_its_window_is_recorded_as_missed() {
		LocalDate exitedOn = TODAY.minusDays(1);
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(ENROLLED_ON), agreePlan(), exit(exitedOn))
			.whenThenTimeAdvancesTo(dayAfter(exitedOn.plusDays(120)))
			.expectEvents(
					new PostExitFollowUpDeadlineMissed(PARTICIPANT, 90, exitedOn.plusDays(90), exitedOn.plusDays(120)));
	}

	@Test
	void a_post_exit_follow_up_dated_after_its_window_is_reported_missed_whenever_it_was_recorded() {
		LocalDate exitedOn = TODAY.minusDays(150);
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(exitedOn.minusMonths(6)),
					new AgreePlan(PARTICIPANT, exitedOn.minusMonths(6), CaseFixtures.GOALS, List.of(), List.of(),
							List.of()),
					exit(exitedOn),
					new RecordPostExitFollowUp(PARTICIPANT, 90, exitedOn.plusDays(125), ExitOutcome.EDUCATION))
			.whenThenTimeElapses(CaseFixtures.GRACE.duration())
			.expectEvents(
					new PostExitFollowUpDeadlineMissed(PARTICIPANT, 90, exitedOn.plusDays(90), exitedOn.plusDays(120)));
	}

	@Test
	void a_post_exit_follow_up_recorded_in_time_is_not_reported_missed() {
		LocalDate exitedOn = EXITED_ON;
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(ENROLLED_ON), agreePlan(), exit(exitedOn), followUp(TODAY))
			.whenThenTimeAdvancesTo(dayAfter(exitedOn.plusDays(120)))
			.expectNoEvents();
	}

	@Test
	void a_survey_answer_after_exit_is_recorded() {
		this.fixture.given(enrolled(), exited(EXITED_ON))
			.when(new AnswerSurvey(PARTICIPANT, TODAY, "chances-of-work-increased", "agree"))
			.expectEvents(new SurveyAnswered(PARTICIPANT, TODAY, "chances-of-work-increased", "agree"));
	}

	private static AgreePlan agreePlan() {
		return new AgreePlan(PARTICIPANT, ENROLLED_ON, CaseFixtures.GOALS, List.of(), List.of(), List.of());
	}

	private static RecordPostExitFollowUp followUp(LocalDate on) {
		return new RecordPostExitFollowUp(PARTICIPANT, 90, on, ExitOutcome.EDUCATION);
	}

}
