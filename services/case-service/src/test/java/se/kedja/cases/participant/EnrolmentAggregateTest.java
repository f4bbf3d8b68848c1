package se.kedja.cases.participant;

import java.time.Duration;
import java.time.LocalDate;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.EnrolParticipant;
import se.kedja.cases.participant.command.ProjectTerms;
import se.kedja.events.cases.PlanDeadlineMissed;

import static se.kedja.cases.participant.CaseFixtures.CLOCK;
import static se.kedja.cases.participant.CaseFixtures.GRACE;
import static se.kedja.cases.participant.CaseFixtures.ENROLLED_ON;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.dayAfter;
import static se.kedja.cases.participant.CaseFixtures.enrol;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exit;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class EnrolmentAggregateTest {

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void enrolment_records_the_participant_with_the_funders_attributes() {
		this.fixture.givenNoPriorActivity().when(enrol(ENROLLED_ON)).expectEvents(enrolled());
	}

	@Test
	void enrolment_schedules_the_plan_deadline_thirty_days_on() {
		this.fixture.givenNoPriorActivity()
			.when(enrol(TODAY))
			.expectScheduledDeadline(dayAfter(TODAY.plusDays(30)), new PlanDue(TODAY.plusDays(30)));
	}

	@Test
	void enrolment_today_is_accepted() {
		this.fixture.givenNoPriorActivity().when(enrol(TODAY)).expectSuccessfulHandlerExecution();
	}

	@Test
	void enrolment_in_the_future_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(enrol(TODAY.plusDays(1)))
			.expectException(refusedWith(CaseError.DATE_IN_FUTURE))
			.expectNoEvents();
	}

	@Test
	void enrolment_before_the_project_starts_is_refused() {
		this.fixture.givenNoPriorActivity()
			.when(enrol(LocalDate.of(2008, 11, 30)))
			.expectException(refusedWith(CaseError.DATE_BEFORE_PROJECT_START));
	}

	@Test
	void enrolment_after_the_project_ends_is_refused() {
		EnrolParticipant late = enrol(TODAY);
		EnrolParticipant afterTheEnd = new EnrolParticipant(PARTICIPANT, late.projectId(),
				new ProjectTerms(LocalDate.of(2008, 12, 1), TODAY.minusDays(1), late.project().settings()),
				late.siteId(), late.coachId(), late.responsibleActor(), TODAY, late.gender(), late.birthYear(),
				late.municipality(), late.targetGroups(), late.entrySituations(), late.monthsWithoutWork(),
				late.isced(), null, null, true);
		this.fixture.givenNoPriorActivity()
			.when(afterTheEnd)
			.expectException(refusedWith(CaseError.DATE_AFTER_PROJECT_END));
	}

	@Test
	void disability_without_consent_to_statistics_is_refused() {
		EnrolParticipant e = enrol(ENROLLED_ON);
		this.fixture.givenNoPriorActivity()
			.when(new EnrolParticipant(PARTICIPANT, e.projectId(), e.project(), e.siteId(), e.coachId(),
					e.responsibleActor(), ENROLLED_ON, e.gender(), e.birthYear(), e.municipality(), e.targetGroups(),
					e.entrySituations(), e.monthsWithoutWork(), e.isced(), true, null, false))
			.expectException(refusedWith(CaseError.DISABILITY_WITHOUT_CONSENT));
	}

	@Test
	void exit_is_refused_before_enrolment() {
		this.fixture.givenNoPriorActivity()
			.when(exit(TODAY))
			.expectException(AggregateNotFoundException.class)
			.expectNoEvents();
	}

	@Test
	void a_plan_not_agreed_within_thirty_days_is_recorded_as_missed() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(TODAY))
			.whenThenTimeAdvancesTo(dayAfter(TODAY.plusDays(30)))
			.expectEvents(new PlanDeadlineMissed(PARTICIPANT, TODAY.plusDays(30)));
	}

	@Test
	void a_plan_deadline_already_past_at_enrolment_waits_for_the_grace() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(ENROLLED_ON))
			.whenThenTimeElapses(GRACE.duration().minus(Duration.ofMinutes(1)))
			.expectNoEvents()
			.expectScheduledDeadline(CLOCK.instant().plus(GRACE.duration()), new PlanDue(ENROLLED_ON.plusDays(30)));
	}

	@Test
	void a_plan_truly_missed_in_historical_data_is_recorded_after_the_grace() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(ENROLLED_ON))
			.whenThenTimeElapses(GRACE.duration())
			.expectEvents(new PlanDeadlineMissed(PARTICIPANT, ENROLLED_ON.plusDays(30)));
	}

	@Test
	void a_plan_deadline_falling_due_after_exit_records_nothing() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(TODAY), exit(TODAY))
			.whenThenTimeAdvancesTo(dayAfter(TODAY.plusDays(30)))
			.expectNoEvents();
	}

	@Test
	void nothing_is_recorded_before_the_plan_deadline_has_passed() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(enrol(TODAY))
			.whenThenTimeAdvancesTo(dayAfter(TODAY.plusDays(29)))
			.expectNoEvents();
	}

}
