package se.kedja.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.kedja.events.cases.AccessibilityArea;
import se.kedja.events.cases.AccessibilityNeed;
import se.kedja.events.cases.ActivityCompleted;
import se.kedja.events.cases.ActivityStarted;
import se.kedja.events.cases.ConsentGiven;
import se.kedja.events.cases.ConsentWithdrawn;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.ImportedEventsRetracted;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.GoalProgress;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.ParticipantReferred;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PauseReason;
import se.kedja.events.cases.PersonalDataErased;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.PlanDeadlineMissed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlanGoalArea;
import se.kedja.events.cases.PlanRevised;
import se.kedja.events.cases.PlannedActivity;
import se.kedja.events.cases.PostExitFollowUpDeadlineMissed;
import se.kedja.events.cases.PostExitFollowUpRecorded;
import se.kedja.events.cases.ProgressLevel;
import se.kedja.events.cases.ReferralPurpose;
import se.kedja.events.cases.SurveyAnswered;
import se.kedja.events.cases.TransferAccepted;
import se.kedja.events.cases.TransferRejected;
import se.kedja.events.cases.TransferRejectionReason;
import se.kedja.events.cases.TransferRequested;
import se.kedja.events.projects.GoalDefinition;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.events.projects.ProjectRevised;
import se.kedja.events.projects.ProjectSettings;
import se.kedja.events.projects.ResponsibleActorDefinition;
import se.kedja.events.projects.SiteDefinition;
import se.kedja.events.projects.TargetGroupDefinition;

/**
 * One fictional instance of every published event, for contract snapshots and serde
 * tests.
 */
public final class SampleEvents {

	public static final ParticipantId PARTICIPANT = ParticipantId.of("5f0c6f5e-2f7a-4d53-9a55-1c2b3d4e5f60");

	public static final ProjectId PROJECT = ProjectId.of("orangeriet");

	public static final ActorId COOPERATIVE = ActorId.of("finspang-kooperativ");

	public static final ActorId EMPLOYMENT_SERVICE = ActorId.of("af-norrkoping");

	public static final TransferId TRANSFER = TransferId.of("7b1d0c4a-9e0f-4c1e-8a7b-2d3e4f5a6b7c");

	public static final ActivityId ACTIVITY = ActivityId.of("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b");

	private static final LocalDate DAY = LocalDate.of(2010, 3, 15);

	private SampleEvents() {
	}

	public static List<Object> all() {
		List<PlanGoal> goals = List.of(new PlanGoal("g1", PlanGoalArea.WORK), new PlanGoal("g2", PlanGoalArea.HEALTH));
		List<PlannedActivity> planned = List.of(new PlannedActivity(ActivityType.WORK_TRAINING, COOPERATIVE),
				new PlannedActivity(ActivityType.HEALTH, null));
		List<AccessibilityNeed> needs = List.of(new AccessibilityNeed(AccessibilityArea.INFORMATIVE, true));
		return List.of(new ParticipantEnrolled(PARTICIPANT, PROJECT, SiteId.of("finspang"), CoachId.of("coach-17"),
				COOPERATIVE, DAY, Gender.FEMALE, 1979, MunicipalityCode.of("0562"), List.of("long-term-unemployed"),
				List.of(EntrySituation.INCOME_SUPPORT, EntrySituation.LONG_TERM_UNEMPLOYED), 26, IscedBand.ISCED_3_4,
				null, true, true),
				new PlanAgreed(PARTICIPANT, DAY.plusDays(10), goals, planned, needs, List.of(EMPLOYMENT_SERVICE)),
				new PlanRevised(PARTICIPANT, DAY.plusDays(60), goals.subList(0, 1), planned, List.of()),
				new ActivityStarted(PARTICIPANT, ACTIVITY, ActivityType.MULTI_ACTOR_MEETING, DAY.plusDays(12),
						COOPERATIVE, List.of(EMPLOYMENT_SERVICE)),
				new ActivityCompleted(PARTICIPANT, ACTIVITY, DAY.plusDays(12), true),
				new FollowUpHeld(PARTICIPANT, DAY.plusDays(40), List.of(new GoalProgress("g1", ProgressLevel.STARTED)),
						true, OwnAssessment.BETTER),
				new ParticipantReferred(PARTICIPANT, DAY.plusDays(20), ActorId.of("region-ostergotland"),
						ReferralPurpose.HEALTH_CARE, "acute need; participant could not be reached"),
				new TransferRequested(PARTICIPANT, TRANSFER, DAY.plusDays(90), COOPERATIVE, EMPLOYMENT_SERVICE, null),
				new TransferAccepted(PARTICIPANT, TRANSFER, DAY.plusDays(92), COOPERATIVE, EMPLOYMENT_SERVICE),
				new TransferRejected(PARTICIPANT, TRANSFER, DAY.plusDays(92), COOPERATIVE, EMPLOYMENT_SERVICE,
						TransferRejectionReason.NO_CAPACITY),
				new ConsentGiven(PARTICIPANT, DAY, List.of(EMPLOYMENT_SERVICE, COOPERATIVE)),
				new ConsentWithdrawn(PARTICIPANT, DAY.plusDays(100), List.of(EMPLOYMENT_SERVICE)),
				new ParticipationPaused(PARTICIPANT, DAY.plusDays(50), PauseReason.SICKNESS),
				new ParticipationResumed(PARTICIPANT, DAY.plusDays(57)),
				new ParticipantExited(PARTICIPANT, DAY.plusDays(200), ExitReason.PLAN_COMPLETED,
						ExitOutcome.SUBSIDISED_EMPLOYMENT),
				new PostExitFollowUpRecorded(PARTICIPANT, 90, DAY.plusDays(291), ExitOutcome.EMPLOYMENT),
				new SurveyAnswered(PARTICIPANT, DAY.plusDays(200), "chances-of-work-increased", "agree"),
				new CorrectionRecorded(PARTICIPANT, EventId.of("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a"),
						"participant-exited", Map.of("outcome", "EMPLOYMENT", "exitedOn", "2010-10-01"),
						DAY.plusDays(210), "wrong outcome chosen in the form"),
				new PersonalDataErased(PARTICIPANT, DAY.plusDays(400)),
				new PlanDeadlineMissed(PARTICIPANT, DAY.plusDays(30)),
				new PostExitFollowUpDeadlineMissed(PARTICIPANT, 90, DAY.plusDays(290), DAY.plusDays(320)),
				new ImportedEventsRetracted(PARTICIPANT, "8d4e0c52-1f3a-4b6e-9c7d-2a1b0f9e8d7c",
						List.of(EventId.of("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a")), "wrong file imported",
						DAY.plusDays(401)),
				new ProjectDefined(PROJECT, definition("Orangeriet")),
				new ProjectRevised(PROJECT, 2, definition("Orangeriet – sociala kooperativ")));
	}

	public static ProjectDefinition definition(String name) {
		return new ProjectDefinition(name, LocalDate.of(2008, 12, 1), LocalDate.of(2011, 10, 31),
				"Coompanion Östergötland", "Östergötland",
				List.of(new SiteDefinition(SiteId.of("finspang"), "Finspång", List.of(MunicipalityCode.of("0562"))),
						new SiteDefinition(SiteId.of("katrineholm-vingaker"), "Katrineholm och Vingåker",
								List.of(MunicipalityCode.of("0483"), MunicipalityCode.of("0428")))),
				List.of(new TargetGroupDefinition("long-term-unemployed", "Långtidsarbetslösa")),
				List.of(new ResponsibleActorDefinition(COOPERATIVE, ActorKind.PROVIDER, "Kooperativet i Finspång"),
						new ResponsibleActorDefinition(
								EMPLOYMENT_SERVICE, ActorKind.PUBLIC_EMPLOYMENT_SERVICE, "Arbetsförmedlingen")),
				ProjectSettings.defaults(),
				List.of(new GoalDefinition("in-work-90-days",
						"I arbete, studier eller eget företag 90 dagar efter avslut", "count",
						Map.of("target", 180, "anchor", "exit", "outcomes",
								List.of("EMPLOYMENT", "SUBSIDISED_EMPLOYMENT", "EDUCATION", "OWN_ENTERPRISE")))));
	}

	public static <E> EventEnvelope<E> envelope(E payload, String type, long sequence, String previousHash) {
		return new EventEnvelope<>(EventId.of("11111111-2222-4333-8444-" + String.format("%012d", sequence)), type, 1,
				PARTICIPANT.toString(), sequence, DAY.plusDays(sequence),
				Instant.parse("2010-03-15T09:30:00Z").plusSeconds(sequence * 60), "coach-17",
				UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), null, null, null, previousHash,
				EventEnvelope.UNKNOWN_POSITION, payload);
	}

}
