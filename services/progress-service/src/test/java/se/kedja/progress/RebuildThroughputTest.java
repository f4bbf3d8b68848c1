package se.kedja.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
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
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rebuild's pace over a topic shaped like the benchmark's (one project of many
 * one-event enrolments, beside fully generated cases), and that what it swaps in equals
 * the live figures. Runs when asked: {@code -Dkedja.test.excludedGroups=none
 * -Dtest=RebuildThroughputTest [-Dkedja.rebuild.enrolments=200000]}.
 */
@Tag("load")
class RebuildThroughputTest extends IntegrationTest {

	private static final int ENROLMENTS = Integer.getInteger("kedja.rebuild.enrolments", 100_000);

	@Test
	void a_rebuild_of_many_enrolments_gives_the_live_figures_and_reports_its_pace() {
		String many = "rebuild-load";
		String cased = "rebuild-load-cases";
		publishProject(TestProject.defined(many, TestProject.goals()));
		publishProject(TestProject.defined(cased, TestProject.goals()));
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(47, cased, TestProject.SITES, TestProject.START,
				TestProject.END.minusDays(100))
			.cases(400);
		publishInterleaved(cases, 47, 1);
		LocalDate day = TestProject.START.plusDays(40);
		for (int i = 0; i < ENROLMENTS; i++) {
			EventEnvelope<CaseEvent> envelope = enrolment(many, day, i);
			producer()
				.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), envelope.streamId(), EVENT_JSON.write(envelope)));
		}
		producer().flush();
		long casedEvents = cases.stream().mapToLong(List::size).sum();
		awaitIntake(cased, casedEvents);
		await().atMost(Duration.ofMinutes(20))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> get("/api/admin/intake?projectId=" + many).get("events").asLong() == ENROLMENTS);
		Map<String, JsonNode> live = new HashMap<>();
		for (String id : List.of(many, cased)) {
			live.put(id, progress(id).get("goals"));
		}

		http().post().uri("/api/admin/rebuild").retrieve().toBodilessEntity();
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/api/admin/rebuild").get("state").asString(), (state) -> state.equals("SWAPPED"));

		JsonNode status = get("/api/admin/rebuild");
		double seconds = Duration
			.between(Instant.parse(status.get("startedAt").asString()),
					Instant.parse(status.get("finishedAt").asString()))
			.toMillis() / 1000.0;
		System.out.printf("REBUILD %d events in %.1f s: %.0f events/s (service's figure %.0f)%n",
				status.get("eventsDone").asLong(), seconds, status.get("eventsDone").asLong() / seconds,
				status.get("eventsPerSecond").asDouble());
		assertThat(status.get("eventsDone").asLong()).isGreaterThanOrEqualTo(ENROLMENTS + casedEvents);
		live.forEach((id, goals) -> assertThat(progress(id).get("goals")).as(id).isEqualTo(goals));
		assertThat(get("/api/admin/intake?projectId=" + many).get("participants").asLong()).isEqualTo(ENROLMENTS);
	}

	/** An enrolment shaped like the benchmark's fed participants. */
	private static EventEnvelope<CaseEvent> enrolment(String projectId, LocalDate day, long n) {
		ParticipantId participant = new ParticipantId(UUID.nameUUIDFromBytes(("load-" + n).getBytes()));
		ParticipantEnrolled event = new ParticipantEnrolled(participant, ProjectId.of(projectId),
				SiteId.of(TestProject.SITES.get((int) (n % TestProject.SITES.size()))), CoachId.of("coach-load"),
				ActorId.of("af-local"), day, (n % 2 == 0) ? Gender.FEMALE : Gender.MALE, 1960 + (int) (n % 40),
				MunicipalityCode.of("0562"), List.of("mental-ill-health"), List.of(EntrySituation.LONG_TERM_UNEMPLOYED),
				14, IscedBand.ISCED_3_4, null, false, true);
		return new EventEnvelope<>(new EventId(UUID.nameUUIDFromBytes(("load-event-" + n).getBytes())),
				"participant-enrolled", 1, participant.value().toString(), 0, day,
				day.atTime(12, 0).atZone(CaseGenerator.STOCKHOLM).toInstant(), "load-test", null, null, null, null,
				null, EventEnvelope.UNKNOWN_POSITION, event);
	}

}
