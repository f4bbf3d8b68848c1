package se.kedja.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality goal lists the cases that break its rule, with the reason and the business
 * date, from the day the rule is broken until the case is put right; a past day's list
 * stays as it was.
 */
class QualityExceptionsIntegrationTest extends IntegrationTest {

	private static final String PROJECT = "quality-exceptions";

	private static final String PLAN = "plan-within-30-days";

	private static final String ACCESSIBILITY = "accessibility-reviewed";

	private static final LocalDate ENROLLED = LocalDate.of(2010, 1, 4);

	private final ParticipantId withoutPlan = new ParticipantId(UUID.randomUUID());

	private final ParticipantId unreviewed = new ParticipantId(UUID.randomUUID());

	@Test
	void a_case_is_listed_with_its_reason_once_its_window_closes_and_leaves_the_list_when_corrected() {
		publishProject(TestProject.defined(PROJECT, TestProject.goals()));
		record(this.withoutPlan, 0, enrolment(this.withoutPlan));
		record(this.unreviewed, 0, enrolment(this.unreviewed));
		record(this.unreviewed, 1,
				new PlanAgreed(this.unreviewed, LocalDate.of(2010, 1, 20), List.of(), List.of(), List.of(), List.of()));
		EventEnvelope<CaseEvent> followUp = record(this.unreviewed, 2,
				new FollowUpHeld(this.unreviewed, LocalDate.of(2010, 3, 1), List.of(), false, OwnAssessment.BETTER));
		record(this.unreviewed, 3,
				new FollowUpHeld(this.unreviewed, LocalDate.of(2010, 4, 15), List.of(), true, OwnAssessment.BETTER));

		JsonNode broken = awaitProgress(PROJECT, (p) -> count(p, PLAN) == 1 && count(p, ACCESSIBILITY) == 1);
		assertListed(goal(broken, PLAN), this.withoutPlan, "no-plan", "2010-02-03");
		assertThat(listed(goal(broken, PLAN)).get("detail").asString())
			.isEqualTo("no plan within 30 days of enrolment on 2010-01-04");
		assertListed(goal(broken, ACCESSIBILITY), this.unreviewed, "accessibility-not-reviewed", "2010-03-01");
		assertThat(goal(broken, PLAN).get("met").asLong()).isEqualTo(1);
		assertThat(goal(broken, PLAN).get("of").asLong()).isEqualTo(2);
		assertThat(goal(broken, PLAN).get("actual").asDouble()).isEqualTo(50.0);

		JsonNode onDueDay = asOf("2010-02-03");
		assertThat(count(onDueDay, PLAN)).isZero();
		assertThat(goal(onDueDay, PLAN).get("pending").asLong()).isEqualTo(1);
		JsonNode dayAfter = asOf("2010-02-04");
		assertListed(goal(dayAfter, PLAN), this.withoutPlan, "no-plan", "2010-02-03");
		assertThat(goal(dayAfter, PLAN).get("pending").asLong()).isZero();

		EventEnvelope<CaseEvent> latePlan = record(this.withoutPlan, 1, new PlanAgreed(this.withoutPlan,
				LocalDate.of(2010, 3, 10), List.of(), List.of(), List.of(), List.of()));
		JsonNode late = awaitProgress(PROJECT,
				(p) -> count(p, PLAN) == 1 && listed(goal(p, PLAN)).get("reason").asString().equals("plan-late"));
		assertListed(goal(late, PLAN), this.withoutPlan, "plan-late", "2010-03-10");
		JsonNode pastDayBefore = asOf("2010-04-20");

		record(this.withoutPlan, 2, new CorrectionRecorded(this.withoutPlan, latePlan.eventId(), "plan-agreed",
				Map.of("agreedOn", "2010-01-30"), LocalDate.of(2010, 5, 3), "date typed wrong"));
		record(this.unreviewed, 4, new CorrectionRecorded(this.unreviewed, followUp.eventId(), "follow-up-held",
				Map.of("accessibilityReviewed", "true"), LocalDate.of(2010, 5, 3), "review was not ticked"));

		JsonNode corrected = awaitProgress(PROJECT, (p) -> count(p, PLAN) == 0 && count(p, ACCESSIBILITY) == 0);
		assertThat(goal(corrected, PLAN).get("exceptions").get("cases")).isEmpty();
		assertThat(goal(corrected, PLAN).get("met").asLong()).isEqualTo(2);
		assertThat(goal(corrected, ACCESSIBILITY).get("actual").asDouble()).isEqualTo(100.0);
		JsonNode pastDayAfter = asOf("2010-04-20");
		assertThat(pastDayAfter.get("goals")).isEqualTo(pastDayBefore.get("goals"));
		assertListed(goal(pastDayAfter, PLAN), this.withoutPlan, "plan-late", "2010-03-10");
		assertListed(goal(pastDayAfter, ACCESSIBILITY), this.unreviewed, "accessibility-not-reviewed", "2010-03-01");
	}

	private JsonNode asOf(String day) {
		return get("/api/projects/" + PROJECT + "/progress?asOf=" + day);
	}

	private static long count(JsonNode progress, String goalId) {
		return goal(progress, goalId).get("exceptions").get("count").asLong();
	}

	private static JsonNode listed(JsonNode goal) {
		return goal.get("exceptions").get("cases").get(0);
	}

	private static void assertListed(JsonNode goal, ParticipantId participant, String reason, String date) {
		assertThat(goal.get("exceptions").get("count").asLong()).isEqualTo(1);
		JsonNode listed = listed(goal);
		assertThat(listed.get("participantId").asString()).isEqualTo(participant.toString());
		assertThat(listed.get("reason").asString()).isEqualTo(reason);
		assertThat(listed.get("date").asString()).isEqualTo(date);
		assertThat(goal.get("met").asLong() + 1).isEqualTo(goal.get("of").asLong() - goal.get("pending").asLong());
	}

	private static ParticipantEnrolled enrolment(ParticipantId id) {
		return new ParticipantEnrolled(id, ProjectId.of(PROJECT), SiteId.of("north"), CoachId.of("coach-1"),
				ActorId.of("af-local"), ENROLLED, Gender.FEMALE, 1980, MunicipalityCode.of("0562"), List.of(),
				List.of(EntrySituation.LONG_TERM_UNEMPLOYED), 14, IscedBand.ISCED_3_4, null, null, true);
	}

	/** Recorded at noon on its business day. */
	private static EventEnvelope<CaseEvent> record(ParticipantId id, long sequence, CaseEvent event) {
		EventEnvelope<CaseEvent> envelope = CaseGenerator.envelope(id, sequence, event, new EventId(UUID.randomUUID()));
		publish(envelope);
		producer().flush();
		return envelope;
	}

}
