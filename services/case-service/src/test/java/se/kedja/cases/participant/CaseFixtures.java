package se.kedja.cases.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import se.kedja.cases.participant.command.EnrolParticipant;
import se.kedja.cases.participant.command.ExitParticipant;
import se.kedja.cases.participant.command.ProjectTerms;
import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.ExitOutcome;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.cases.AccessibilityArea;
import se.kedja.events.cases.AccessibilityNeed;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlanGoalArea;
import se.kedja.events.projects.ProjectSettings;

/**
 * A fictional case in the Orangeriet project, seen on 1 June 2010 in Stockholm: enrolled
 * on 1 March 2010 at the Finspång co-operative.
 */
final class CaseFixtures {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final LocalDate TODAY = LocalDate.of(2010, 6, 1);

	static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);

	static final PastDueGrace GRACE = new PastDueGrace(java.time.Duration.ofMinutes(10));

	static final ParticipantId PARTICIPANT = ParticipantId.of("6a1f2e3d-4c5b-4a69-8788-99aabbccddee");

	static final ProjectTerms ORANGERIET = new ProjectTerms(LocalDate.of(2008, 12, 1), LocalDate.of(2011, 10, 31),
			ProjectSettings.defaults());

	static final LocalDate ENROLLED_ON = LocalDate.of(2010, 3, 1);

	static final ActorId COOPERATIVE = ActorId.of("finspang-kooperativ");

	static final ActorId EMPLOYMENT_SERVICE = ActorId.of("af-finspang");

	static final ActorId SOCIAL_SERVICES = ActorId.of("socialtjansten-finspang");

	static final List<PlanGoal> GOALS = List.of(new PlanGoal("g1", PlanGoalArea.WORK),
			new PlanGoal("g2", PlanGoalArea.HEALTH));

	static final List<AccessibilityNeed> NEEDS = List.of(new AccessibilityNeed(AccessibilityArea.INFORMATIVE, true));

	private CaseFixtures() {
	}

	static AggregateTestFixture<ParticipantCase> fixture() {
		AggregateTestFixture<ParticipantCase> fixture = new AggregateTestFixture<>(ParticipantCase.class);
		fixture.registerInjectableResource(CLOCK);
		fixture.registerInjectableResource(GRACE);
		return fixture;
	}

	static EnrolParticipant enrol(LocalDate on) {
		return new EnrolParticipant(PARTICIPANT, ProjectId.of("orangeriet"), ORANGERIET, SiteId.of("finspang"),
				CoachId.of("coach-3"), COOPERATIVE, on, Gender.FEMALE, 1975, MunicipalityCode.of("0562"),
				List.of("long-term-unemployed"), List.of(EntrySituation.INCOME_SUPPORT), 30, IscedBand.ISCED_0_2, null,
				null, true);
	}

	static ParticipantEnrolled enrolled() {
		EnrolParticipant command = enrol(ENROLLED_ON);
		return new ParticipantEnrolled(PARTICIPANT, command.projectId(), command.siteId(), command.coachId(),
				command.responsibleActor(), ENROLLED_ON, command.gender(), command.birthYear(), command.municipality(),
				command.targetGroups(), command.entrySituations(), command.monthsWithoutWork(), command.isced(), null,
				null, true);
	}

	static PlanAgreed planAgreed() {
		return new PlanAgreed(PARTICIPANT, ENROLLED_ON.plusDays(14), GOALS, List.of(), NEEDS,
				List.of(EMPLOYMENT_SERVICE));
	}

	static ExitParticipant exit(LocalDate on) {
		return new ExitParticipant(PARTICIPANT, on, ExitReason.PLAN_COMPLETED, ExitOutcome.EMPLOYMENT,
				ProjectSettings.defaults());
	}

	static ParticipantExited exited(LocalDate on) {
		return new ParticipantExited(PARTICIPANT, on, ExitReason.PLAN_COMPLETED, ExitOutcome.EMPLOYMENT);
	}

	/**
	 * The start of the day after {@code lastDay} in Stockholm, when a deadline counts as
	 * missed.
	 */
	static Instant dayAfter(LocalDate lastDay) {
		return lastDay.plusDays(1).atStartOfDay(STOCKHOLM).toInstant();
	}

	static Matcher<CaseRuleViolation> refusedWith(CaseError error) {
		return new CustomTypeSafeMatcher<>("a refusal with " + error) {
			@Override
			protected boolean matchesSafely(CaseRuleViolation refusal) {
				return refusal.error() == error;
			}
		};
	}

}
