package se.kedja.cases.participant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import se.kedja.cases.participant.command.AgreePlan;
import se.kedja.cases.participant.command.AnswerSurvey;
import se.kedja.cases.participant.command.CompleteActivity;
import se.kedja.cases.participant.command.ErasePersonalData;
import se.kedja.cases.participant.command.ExitParticipant;
import se.kedja.cases.participant.command.HoldFollowUp;
import se.kedja.cases.participant.command.PauseParticipation;
import se.kedja.cases.participant.command.RecordPostExitFollowUp;
import se.kedja.cases.participant.command.ResumeParticipation;
import se.kedja.cases.participant.command.RevisePlan;
import se.kedja.cases.participant.command.StartActivity;
import se.kedja.events.ActivityId;
import se.kedja.events.ActivityType;
import se.kedja.events.ExitOutcome;
import se.kedja.events.cases.ActivityCompleted;
import se.kedja.events.cases.ActivityStarted;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.ParticipantReferred;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PauseReason;
import se.kedja.events.cases.PersonalDataErased;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.PlanRevised;
import se.kedja.events.cases.PostExitFollowUpRecorded;
import se.kedja.events.cases.TransferRequested;
import se.kedja.events.projects.ProjectSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kedja.cases.participant.CaseFixtures.COOPERATIVE;
import static se.kedja.cases.participant.CaseFixtures.ENROLLED_ON;
import static se.kedja.cases.participant.CaseFixtures.GOALS;
import static se.kedja.cases.participant.CaseFixtures.NEEDS;
import static se.kedja.cases.participant.CaseFixtures.ORANGERIET;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.enrol;

/**
 * Random command sequences against one case: whatever a coach sends, in whatever order
 * and with whatever dates, the history the aggregate accepts is a valid case — one
 * enrolment first, at most one exit, nothing after erasure, no business date in the
 * future or before enrolment, follow-ups only while taking part, a post-exit follow-up
 * only after exit and its day, once per day count. A refused command records nothing.
 */
class ParticipantCasePropertiesTest {

	private static final List<LocalDate> DATES = List.of(ORANGERIET.periodStart().minusDays(1),
			ENROLLED_ON.minusDays(1), ENROLLED_ON, ENROLLED_ON.plusDays(1), ENROLLED_ON.plusDays(20),
			ENROLLED_ON.plusDays(90), ENROLLED_ON.plusDays(91), TODAY.minusDays(1), TODAY, TODAY.plusDays(1));

	private static final List<ActivityId> ACTIVITIES = List.of(
			new ActivityId(UUID.fromString("00000000-0000-4000-8000-000000000001")),
			new ActivityId(UUID.fromString("00000000-0000-4000-8000-000000000002")));

	@Property(tries = 150)
	void the_aggregate_never_accepts_an_invalid_history(@ForAll("commandSequences") List<Object> commands) {
		AggregateTestFixture<ParticipantCase> fixture = CaseFixtures.fixture();
		List<Object> history = new ArrayList<>();
		for (Object command : commands) {
			TestExecutor<ParticipantCase> given = history.isEmpty() ? fixture.givenNoPriorActivity()
					: fixture.given(history);
			ResultValidator<ParticipantCase> result = given.when(command);
			List<Object> applied = new ArrayList<>();
			result.expectEventsMatching(capturing(applied));
			try {
				result.expectSuccessfulHandlerExecution();
				history.addAll(applied);
			}
			catch (AxonAssertionError refused) {
				assertThat(applied).as("a refused %s records nothing", command).isEmpty();
			}
			assertValid(history);
		}
	}

	@Provide
	Arbitrary<List<Object>> commandSequences() {
		Arbitrary<LocalDate> date = Arbitraries.of(DATES);
		Arbitrary<ActivityId> activity = Arbitraries.of(ACTIVITIES);
		Arbitrary<Object> command = Arbitraries.oneOf(date.map((on) -> enrol(on)),
				date.map((on) -> new AgreePlan(PARTICIPANT, on, GOALS, List.of(), NEEDS, List.of())),
				date.map((on) -> new RevisePlan(PARTICIPANT, on, GOALS, List.of(), NEEDS)),
				activity.flatMap((id) -> date
					.map((on) -> new StartActivity(PARTICIPANT, id, ActivityType.GROUP, on, null, List.of()))),
				activity.flatMap((id) -> date.map((on) -> new CompleteActivity(PARTICIPANT, id, on, true))),
				date.map((on) -> new HoldFollowUp(PARTICIPANT, on, List.of(), true, OwnAssessment.BETTER)),
				date.map((on) -> new PauseParticipation(PARTICIPANT, on, PauseReason.SICKNESS)),
				date.map((on) -> new ResumeParticipation(PARTICIPANT, on)),
				date.map((on) -> new ExitParticipant(PARTICIPANT, on, ExitReason.PLAN_COMPLETED, ExitOutcome.EMPLOYMENT,
						ProjectSettings.defaults())),
				Arbitraries.of(0, 1, 90)
					.flatMap((days) -> date
						.map((on) -> new RecordPostExitFollowUp(PARTICIPANT, days, on, ExitOutcome.EDUCATION))),
				date.map((on) -> new AnswerSurvey(PARTICIPANT, on, "q", "yes")),
				date.map((on) -> new ErasePersonalData(PARTICIPANT, on)));
		// most sequences start with a valid enrolment, so the rules after it get
		// exercised
		Arbitrary<List<Object>> rest = command.list().ofMinSize(1).ofMaxSize(14);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, rest.map((list) -> prepend(enrol(ENROLLED_ON), list))),
				net.jqwik.api.Tuple.of(1, rest));
	}

	private static List<Object> prepend(Object first, List<Object> rest) {
		List<Object> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static void assertValid(List<Object> history) {
		if (history.isEmpty()) {
			return;
		}
		assertThat(history.get(0)).as("a case begins with its enrolment").isInstanceOf(ParticipantEnrolled.class);
		ParticipantEnrolled enrolment = (ParticipantEnrolled) history.get(0);
		LocalDate enrolledOn = enrolment.enrolledOn();
		assertThat(enrolledOn).isBetween(ORANGERIET.periodStart(), TODAY);
		LocalDate exitedOn = null;
		boolean erased = false;
		boolean planned = false;
		boolean paused = false;
		Map<ActivityId, LocalDate> open = new HashMap<>();
		Set<ActivityId> completed = new HashSet<>();
		Set<Integer> postExitDays = new HashSet<>();
		for (Object event : history.subList(1, history.size())) {
			CaseEvent caseEvent = (CaseEvent) event;
			assertThat(erased).as("nothing after erasure: %s", event).isFalse();
			assertThat(caseEvent.businessDate()).as("%s is not in the future", event).isBeforeOrEqualTo(TODAY);
			assertThat(caseEvent).as("one enrolment per case").isNotInstanceOf(ParticipantEnrolled.class);
			assertThat(caseEvent.businessDate()).as("%s is not before the enrolment", event)
				.isAfterOrEqualTo(enrolledOn);
			boolean takingPart = event instanceof PlanAgreed || event instanceof PlanRevised
					|| event instanceof ActivityStarted || event instanceof ActivityCompleted
					|| event instanceof FollowUpHeld || event instanceof ParticipationPaused
					|| event instanceof ParticipationResumed || event instanceof ParticipantReferred
					|| event instanceof TransferRequested || event instanceof ParticipantExited;
			if (takingPart) {
				assertThat(exitedOn).as("%s only while taking part, not after the exit", event).isNull();
			}
			switch (event) {
				case ParticipantExited exited -> exitedOn = exited.exitedOn();
				case PersonalDataErased e -> erased = true;
				case PlanAgreed plan -> {
					assertThat(planned).as("one plan agreed; later ones are revisions").isFalse();
					planned = true;
				}
				case PlanRevised plan -> assertThat(planned).as("a revision needs a plan").isTrue();
				case ActivityStarted started -> {
					assertThat(paused).as("no activity starts while paused").isFalse();
					assertThat(open.containsKey(started.activityId()) || completed.contains(started.activityId()))
						.as("an activity starts once")
						.isFalse();
					open.put(started.activityId(), started.startedOn());
				}
				case ActivityCompleted done -> {
					LocalDate startedOn = open.remove(done.activityId());
					assertThat(startedOn).as("only a started activity completes").isNotNull();
					assertThat(done.completedOn()).isAfterOrEqualTo(startedOn);
					completed.add(done.activityId());
				}
				case ParticipationPaused p -> {
					assertThat(paused).as("no pause within a pause").isFalse();
					paused = true;
				}
				case ParticipationResumed r -> {
					assertThat(paused).as("only a pause is resumed").isTrue();
					paused = false;
				}
				case PostExitFollowUpRecorded followUp -> {
					assertThat(exitedOn).as("a post-exit follow-up needs an exit").isNotNull();
					assertThat(followUp.daysAfterExit()).isPositive();
					assertThat(followUp.followedUpOn()).as("not before its day")
						.isAfterOrEqualTo(exitedOn.plusDays(followUp.daysAfterExit()));
					assertThat(postExitDays.add(followUp.daysAfterExit())).as("once per day count").isTrue();
				}
				default -> {
				}
			}
		}
		assertThat(history.stream().filter(ParticipantExited.class::isInstance)).as("at most one exit")
			.hasSizeLessThanOrEqualTo(1);
		assertThat(COOPERATIVE).isEqualTo(enrolment.responsibleActor());
	}

	private static BaseMatcher<List<? super EventMessage<?>>> capturing(List<Object> into) {
		return new BaseMatcher<>() {
			@Override
			public boolean matches(Object actual) {
				for (Object message : (List<?>) actual) {
					into.add(((EventMessage<?>) message).getPayload());
				}
				return true;
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("any events (captured)");
			}
		};
	}

}
