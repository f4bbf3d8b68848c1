package se.kedja.cases.participant;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.CompleteActivity;
import se.kedja.cases.participant.command.HoldFollowUp;
import se.kedja.cases.participant.command.StartActivity;
import se.kedja.events.ActivityId;
import se.kedja.events.ActivityType;
import se.kedja.events.cases.ActivityCompleted;
import se.kedja.events.cases.ActivityStarted;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.GoalProgress;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.PauseReason;
import se.kedja.events.cases.ProgressLevel;

import static se.kedja.cases.participant.CaseFixtures.COOPERATIVE;
import static se.kedja.cases.participant.CaseFixtures.EMPLOYMENT_SERVICE;
import static se.kedja.cases.participant.CaseFixtures.ENROLLED_ON;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exited;
import static se.kedja.cases.participant.CaseFixtures.planAgreed;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class ActivityAggregateTest {

	private static final ActivityId MEETING = ActivityId.of("0d1c2b3a-4958-4676-8584-93a2b1c0d9e8");

	private static final LocalDate MEETING_DAY = ENROLLED_ON.plusDays(20);

	private static final List<GoalProgress> PROGRESS = List.of(new GoalProgress("g1", ProgressLevel.STARTED));

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void an_activity_is_started() {
		this.fixture.given(enrolled()).when(start(MEETING_DAY)).expectEvents(started());
	}

	@Test
	void an_activity_before_enrolment_is_refused() {
		this.fixture.given(enrolled())
			.when(start(ENROLLED_ON.minusDays(1)))
			.expectException(refusedWith(CaseError.DATE_BEFORE_ENROLMENT));
	}

	@Test
	void an_activity_in_the_future_is_refused() {
		this.fixture.given(enrolled())
			.when(start(TODAY.plusDays(1)))
			.expectException(refusedWith(CaseError.DATE_IN_FUTURE));
	}

	@Test
	void an_activity_cannot_be_started_twice() {
		this.fixture.given(enrolled(), started())
			.when(start(MEETING_DAY))
			.expectException(refusedWith(CaseError.ACTIVITY_ALREADY_STARTED));
	}

	@Test
	void an_activity_is_not_started_while_participation_is_paused() {
		this.fixture.given(enrolled(), new ParticipationPaused(PARTICIPANT, MEETING_DAY, PauseReason.SICKNESS))
			.when(start(MEETING_DAY))
			.expectException(refusedWith(CaseError.PARTICIPATION_PAUSED));
	}

	@Test
	void an_activity_after_exit_is_refused() {
		this.fixture.given(enrolled(), exited(MEETING_DAY))
			.when(start(MEETING_DAY))
			.expectException(refusedWith(CaseError.ALREADY_EXITED));
	}

	@Test
	void a_started_activity_is_completed() {
		this.fixture.given(enrolled(), started())
			.when(new CompleteActivity(PARTICIPANT, MEETING, MEETING_DAY, true))
			.expectEvents(new ActivityCompleted(PARTICIPANT, MEETING, MEETING_DAY, true));
	}

	@Test
	void an_activity_never_started_cannot_be_completed() {
		this.fixture.given(enrolled())
			.when(new CompleteActivity(PARTICIPANT, MEETING, MEETING_DAY, true))
			.expectException(refusedWith(CaseError.UNKNOWN_ACTIVITY));
	}

	@Test
	void an_activity_cannot_end_before_it_started() {
		this.fixture.given(enrolled(), started())
			.when(new CompleteActivity(PARTICIPANT, MEETING, MEETING_DAY.minusDays(1), true))
			.expectException(refusedWith(CaseError.DATE_OUT_OF_ORDER));
	}

	@Test
	void an_activity_cannot_be_completed_twice() {
		this.fixture.given(enrolled(), started(), new ActivityCompleted(PARTICIPANT, MEETING, MEETING_DAY, true))
			.when(new CompleteActivity(PARTICIPANT, MEETING, MEETING_DAY, false))
			.expectException(refusedWith(CaseError.ACTIVITY_ALREADY_COMPLETED));
	}

	@Test
	void a_follow_up_records_progress_per_plan_goal_and_the_participants_view() {
		this.fixture.given(enrolled(), planAgreed())
			.when(new HoldFollowUp(PARTICIPANT, TODAY, PROGRESS, true, OwnAssessment.BETTER))
			.expectEvents(new FollowUpHeld(PARTICIPANT, TODAY, PROGRESS, true, OwnAssessment.BETTER));
	}

	@Test
	void a_follow_up_before_enrolment_is_refused() {
		this.fixture.given(enrolled())
			.when(new HoldFollowUp(PARTICIPANT, ENROLLED_ON.minusDays(1), List.of(), false, OwnAssessment.NOT_STATED))
			.expectException(refusedWith(CaseError.DATE_BEFORE_ENROLMENT));
	}

	@Test
	void a_follow_up_on_a_goal_the_plan_does_not_have_is_refused() {
		this.fixture.given(enrolled(), planAgreed())
			.when(new HoldFollowUp(PARTICIPANT, TODAY, List.of(new GoalProgress("g9", ProgressLevel.ACHIEVED)), true,
					OwnAssessment.BETTER))
			.expectException(refusedWith(CaseError.UNKNOWN_PLAN_GOAL));
	}

	@Test
	void a_follow_up_after_exit_is_refused() {
		this.fixture.given(enrolled(), exited(MEETING_DAY))
			.when(new HoldFollowUp(PARTICIPANT, TODAY, List.of(), true, OwnAssessment.UNCHANGED))
			.expectException(refusedWith(CaseError.ALREADY_EXITED));
	}

	private static StartActivity start(LocalDate on) {
		return new StartActivity(PARTICIPANT, MEETING, ActivityType.MULTI_ACTOR_MEETING, on, COOPERATIVE,
				List.of(EMPLOYMENT_SERVICE));
	}

	private static ActivityStarted started() {
		return new ActivityStarted(PARTICIPANT, MEETING, ActivityType.MULTI_ACTOR_MEETING, MEETING_DAY, COOPERATIVE,
				List.of(EMPLOYMENT_SERVICE));
	}

}
