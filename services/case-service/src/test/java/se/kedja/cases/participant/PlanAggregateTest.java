package se.kedja.cases.participant;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.AgreePlan;
import se.kedja.cases.participant.command.RevisePlan;
import se.kedja.events.ActivityType;
import se.kedja.events.cases.PlanDeadlineMissed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlanGoalArea;
import se.kedja.events.cases.PlanRevised;
import se.kedja.events.cases.PlannedActivity;

import static se.kedja.cases.participant.CaseFixtures.CLOCK;
import static se.kedja.cases.participant.CaseFixtures.GRACE;
import static se.kedja.cases.participant.CaseFixtures.EMPLOYMENT_SERVICE;
import static se.kedja.cases.participant.CaseFixtures.ENROLLED_ON;
import static se.kedja.cases.participant.CaseFixtures.GOALS;
import static se.kedja.cases.participant.CaseFixtures.NEEDS;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.dayAfter;
import static se.kedja.cases.participant.CaseFixtures.enrol;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exited;
import static se.kedja.cases.participant.CaseFixtures.planAgreed;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class PlanAggregateTest {

	private static final List<PlannedActivity> PLANNED = List
		.of(new PlannedActivity(ActivityType.WORK_TRAINING, CaseFixtures.COOPERATIVE));

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void a_plan_is_agreed_with_goals_activities_and_accessibility_needs() {
		this.fixture.given(enrolled()).when(agree(ENROLLED_ON.plusDays(14))).expectEvents(planAgreed());
	}

	@Test
	void a_plan_recorded_late_but_dated_in_time_is_not_reported_missed() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(ENROLLED_ON), agree(ENROLLED_ON.plusDays(20)))
			.whenThenTimeElapses(GRACE.duration())
			.expectNoEvents();
	}

	@Test
	void a_plan_dated_after_its_due_day_is_reported_missed_whenever_it_was_recorded() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(ENROLLED_ON), agree(ENROLLED_ON.plusDays(40)))
			.whenThenTimeElapses(GRACE.duration())
			.expectEvents(new PlanDeadlineMissed(PARTICIPANT, ENROLLED_ON.plusDays(30)));
	}

	@Test
	void an_agreed_plan_is_not_reported_missed() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(TODAY), agree(TODAY))
			.whenThenTimeAdvancesTo(dayAfter(TODAY.plusDays(30)))
			.expectNoEvents();
	}

	@Test
	void a_second_plan_agreement_is_refused() {
		this.fixture.given(enrolled(), planAgreed())
			.when(agree(TODAY))
			.expectException(refusedWith(CaseError.PLAN_ALREADY_AGREED));
	}

	@Test
	void a_plan_before_enrolment_is_refused() {
		this.fixture.given(enrolled())
			.when(agree(ENROLLED_ON.minusDays(1)))
			.expectException(refusedWith(CaseError.DATE_BEFORE_ENROLMENT));
	}

	@Test
	void a_plan_dated_in_the_future_is_refused() {
		this.fixture.given(enrolled())
			.when(agree(TODAY.plusDays(1)))
			.expectException(refusedWith(CaseError.DATE_IN_FUTURE));
	}

	@Test
	void a_plan_with_two_goals_of_the_same_key_is_refused() {
		this.fixture.given(enrolled())
			.when(new AgreePlan(PARTICIPANT, TODAY,
					List.of(new PlanGoal("g1", PlanGoalArea.WORK), new PlanGoal("g1", PlanGoalArea.HEALTH)), List.of(),
					List.of(), List.of()))
			.expectException(refusedWith(CaseError.PLAN_GOALS_NOT_UNIQUE));
	}

	@Test
	void a_plan_after_exit_is_refused() {
		this.fixture.given(enrolled(), exited(TODAY.minusDays(1)))
			.when(agree(TODAY))
			.expectException(refusedWith(CaseError.ALREADY_EXITED));
	}

	@Test
	void an_agreed_plan_is_revised() {
		this.fixture.given(enrolled(), planAgreed())
			.when(new RevisePlan(PARTICIPANT, TODAY, GOALS.subList(0, 1), PLANNED, List.of()))
			.expectEvents(new PlanRevised(PARTICIPANT, TODAY, GOALS.subList(0, 1), PLANNED, List.of()));
	}

	@Test
	void revising_a_plan_that_was_never_agreed_is_refused() {
		this.fixture.given(enrolled())
			.when(new RevisePlan(PARTICIPANT, TODAY, GOALS, PLANNED, NEEDS))
			.expectException(refusedWith(CaseError.NO_PLAN));
	}

	private static AgreePlan agree(java.time.LocalDate on) {
		return new AgreePlan(PARTICIPANT, on, GOALS, List.of(), NEEDS, List.of(EMPLOYMENT_SERVICE));
	}

}
