package se.kedja.progress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.ExitOutcome;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.ImportedEventsRetracted;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.json.EventJson;
import se.kedja.events.projects.GoalDefinition;
import se.kedja.events.projects.ProjectEvent;
import se.kedja.events.projects.ProjectRevised;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RebuildIntegrationTest extends IntegrationTest {

	/**
	 * What a project's projection tables hold, row by row, in a stable order; counters at
	 * zero are left out (the live intake may leave one where a later batch cancelled an
	 * earlier one's move, a rebuild's larger batch sums them away).
	 */
	private static final List<String> TABLES = List.of(
			"SELECT p::text FROM participant p WHERE project_id = :project ORDER BY participant_id",
			"SELECT t::text FROM goal_tally t WHERE project_id = :project AND value <> 0"
					+ " ORDER BY goal_id, dimension, bucket, measure, day",
			"SELECT q::text FROM quality_exception q WHERE project_id = :project" + " ORDER BY goal_id, participant_id",
			"SELECT concat_ws(' ', event_id, participant_id, project_id, sequence, type, business_date, recorded_at,"
					+ " md5(envelope), (SELECT count(*) FROM processed_event p WHERE p.event_id = e.event_id))"
					+ " FROM case_event e WHERE participant_id IN"
					+ " (SELECT participant_id FROM case_event WHERE project_id = :project) ORDER BY event_id");

	@Autowired
	private JdbcClient jdbc;

	/**
	 * The rebuild reads the whole topic in a few large polls, so each case arrives in one
	 * batch with its events delivered twice; the live intake took it in many small ones.
	 */
	@Test
	void a_rebuild_from_the_topics_gives_the_live_tables_and_figures_and_reports_its_progress() {
		String projectId = "rebuild";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(31, projectId, TestProject.SITES,
				TestProject.START, TestProject.END.minusDays(100))
			.cases(60);
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		publishInterleaved(cases, 31, 2);
		long events = cases.stream().mapToLong(List::size).sum();
		awaitProgress(projectId,
				(p) -> get("/api/admin/intake?projectId=" + projectId).get("events").asLong() == events);
		assertThat(goal(progress(projectId), "plan-within-30-days").get("exceptions").get("count").asLong())
			.isPositive();
		List<List<String>> liveTables = tables(projectId);
		Map<String, JsonNode> live = new HashMap<>();
		for (JsonNode project : get("/api/projects")) {
			String id = project.get("id").asString();
			live.put(id, progress(id).get("goals"));
		}

		JsonNode started = JSON.readTree(http().post().uri("/api/admin/rebuild").retrieve().body(String.class));
		assertThat(started.get("state").asString()).isEqualTo("RUNNING");
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/api/admin/rebuild").get("state").asString(), (state) -> state.equals("SWAPPED"));

		JsonNode status = get("/api/admin/rebuild");
		assertThat(status.get("eventsDone").asLong()).isGreaterThanOrEqualTo(2 * events);
		assertThat(status.get("eventsPerSecond").asDouble()).isPositive();
		live.forEach((id, goals) -> assertThat(progress(id).get("goals")).as(id).isEqualTo(goals));
		List<List<String>> rebuilt = tables(projectId);
		for (int i = 0; i < TABLES.size(); i++) {
			assertThat(rebuilt.get(i)).as(TABLES.get(i)).isNotEmpty().containsExactlyElementsOf(liveTables.get(i));
		}
	}

	/**
	 * The corners of the bulk fold: every event delivered twice, a case whose events
	 * arrive out of sequence order, a retracted enrolment, a project whose goals are
	 * revised between its cases' events, a participant corrected into another project
	 * after that (who leaves the first project's figures, in intake and rebuild alike),
	 * and records that are no events (skipped, as intake dead-letters them).
	 */
	@Test
	void a_rebuild_gives_the_live_tables_for_duplicates_disorder_retractions_revisions_moves_and_poison() {
		String first = "rebuild-corners";
		String second = "rebuild-corners-moved-to";
		publishProject(TestProject.defined(first, TestProject.goals()));
		publishProject(TestProject.defined(second, TestProject.goals()));
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(37, first, TestProject.SITES, TestProject.START,
				TestProject.END.minusDays(100))
			.cases(30);
		publishInterleaved(cases, 37, 2);
		awaitIntake(first, cases.stream().mapToLong(List::size).sum());

		List<GoalDefinition> revisedGoals = new ArrayList<>(TestProject.goals()
			.stream()
			.filter((goal) -> !goal.id().equals("enrolled") && !goal.id().equals("plan-within-30-days"))
			.toList());
		revisedGoals.add(new GoalDefinition("plan-within-45-days", "Plan within 45 days", "quality",
				Map.of("rule", "plan-within-days", "days", 45)));
		publishProject(revised(first, revisedGoals));
		awaitProgress(first, (p) -> p.get("goals").findValuesAsString("id").contains("plan-within-45-days"));

		LocalDate day = TestProject.START.plusDays(20);
		List<EventEnvelope<CaseEvent>> late = new ArrayList<>();
		ParticipantId disordered = participant("disordered");
		late.add(event(disordered, 0, enrolment(disordered, first, day)));
		late.add(event(disordered, 2, new ParticipantExited(disordered, day.plusDays(90), ExitReason.PLAN_COMPLETED,
				ExitOutcome.EMPLOYMENT)));
		late.add(event(disordered, 1, new PlanAgreed(disordered, day.plusDays(10), List.of(), List.of(), List.of(),
				List.of(ActorId.of("af-local")))));
		late.add(late.get(1));
		ParticipantId retracted = participant("retracted");
		EventEnvelope<CaseEvent> retractedEnrolment = event(retracted, 0, enrolment(retracted, first, day));
		late.add(retractedEnrolment);
		late.add(event(retracted, 1, new PlanAgreed(retracted, day.plusDays(40), List.of(), List.of(), List.of(),
				List.of(ActorId.of("af-local")))));
		late.add(event(retracted, 2, new ImportedEventsRetracted(retracted, "import-rebuild",
				List.of(retractedEnrolment.eventId()), "the wrong file", day.plusDays(41))));
		ParticipantId moved = participant("moved");
		EventEnvelope<CaseEvent> movedEnrolment = event(moved, 0, enrolment(moved, first, day));
		late.add(movedEnrolment);
		late.add(event(moved, 1, new PlanAgreed(moved, day.plusDays(40), List.of(), List.of(), List.of(),
				List.of(ActorId.of("af-local")))));
		late.add(event(moved, 2, new CorrectionRecorded(moved, movedEnrolment.eventId(), "participant-enrolled",
				Map.of("projectId", second), day.plusDays(50), "enrolled in the wrong project")));
		late.add(event(moved, 3, new FollowUpHeld(moved, day.plusDays(60), List.of(), false, OwnAssessment.BETTER)));
		for (EventEnvelope<CaseEvent> envelope : late) {
			publish(envelope);
		}
		producer().send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), moved.toString(),
				"not an event".getBytes(StandardCharsets.UTF_8)));
		producer()
			.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), "no-case", "{}".getBytes(StandardCharsets.UTF_8)));
		producer().flush();
		String[] lateIds = late.stream().map((e) -> e.eventId().value().toString()).distinct().toArray(String[]::new);
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM case_event WHERE event_id = ANY(?::uuid[])")
				.param(lateIds)
				.query(Long.class)
				.single() == lateIds.length);
		List<List<String>> liveFirst = tables(first);
		List<List<String>> liveSecond = tables(second);
		Map<String, JsonNode> live = Map.of(first, progress(first).get("goals"), second, progress(second).get("goals"));

		http().post().uri("/api/admin/rebuild").retrieve().toBodilessEntity();
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/api/admin/rebuild").get("state").asString(), (state) -> state.equals("SWAPPED"));

		assertThat(get("/api/admin/rebuild").get("eventsSkipped").asLong()).isGreaterThanOrEqualTo(2);
		live.forEach((id, goals) -> assertThat(progress(id).get("goals")).as(id).isEqualTo(goals));
		assertThat(tables(second)).isEqualTo(liveSecond);
		List<List<String>> rebuilt = tables(first);
		for (int i = 0; i < TABLES.size(); i++) {
			assertThat(rebuilt.get(i)).as(TABLES.get(i)).isNotEmpty().containsExactlyElementsOf(liveFirst.get(i));
		}
		assertThat(this.jdbc.sql("SELECT project_id FROM participant WHERE participant_id IN (?, ?)")
			.params(moved.value(), retracted.value())
			.query(String.class)
			.list()).containsExactly(second);
	}

	private static ParticipantId participant(String name) {
		return new ParticipantId(UUID.nameUUIDFromBytes(("rebuild-corner-" + name).getBytes(StandardCharsets.UTF_8)));
	}

	private static EventEnvelope<CaseEvent> event(ParticipantId participant, long sequence, CaseEvent event) {
		return CaseGenerator.envelope(participant, sequence, event,
				new EventId(UUID.nameUUIDFromBytes((participant + "/" + sequence).getBytes(StandardCharsets.UTF_8))));
	}

	private static ParticipantEnrolled enrolment(ParticipantId participant, String projectId, LocalDate day) {
		return new ParticipantEnrolled(participant, ProjectId.of(projectId), SiteId.of(TestProject.SITES.get(0)),
				CoachId.of("coach-corner"), ActorId.of("af-local"), day, Gender.FEMALE, 1980,
				MunicipalityCode.of("0562"), List.of("mental-ill-health"), List.of(EntrySituation.LONG_TERM_UNEMPLOYED),
				14, IscedBand.ISCED_3_4, null, false, true);
	}

	private static EventEnvelope<ProjectEvent> revised(String projectId, List<GoalDefinition> goals) {
		EventJson json = new EventJson();
		LocalDate day = TestProject.START.minusDays(10);
		return new EventEnvelope<>(new EventId(UUID.nameUUIDFromBytes(("revised-" + projectId).getBytes())),
				json.typeName(ProjectRevised.class), json.currentVersion(ProjectRevised.class), projectId, 1, day,
				day.atTime(LocalTime.NOON).atZone(CaseGenerator.STOCKHOLM).toInstant(), "admin-test", null, null, null,
				"", null, EventEnvelope.UNKNOWN_POSITION,
				new ProjectRevised(ProjectId.of(projectId), 2, TestProject.definition(goals)));
	}

	private List<List<String>> tables(String projectId) {
		return TABLES.stream()
			.map((query) -> this.jdbc.sql(query).param("project", projectId).query(String.class).list())
			.toList();
	}

}
