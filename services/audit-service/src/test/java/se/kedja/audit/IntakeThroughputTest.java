package se.kedja.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import se.kedja.events.EventEnvelope;
import se.kedja.events.ProjectId;
import se.kedja.events.cases.CaseEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A measurement, not a specification: how fast the intake catches up with a backlog of
 * one-event enrolments shaped like the benchmark's. The listener is paused while the
 * backlog is produced, so the figure is the intake's own pace. Runs when asked:
 * {@code -Dkedja.test.excludedGroups=none -Dtest=IntakeThroughputTest
 * [-Dkedja.intake.enrolments=50000]}.
 */
@Tag("load")
class IntakeThroughputTest extends AuditServiceTest {

	private static final int ENROLMENTS = Integer.getInteger("kedja.intake.enrolments", 50_000);

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void a_backlog_of_enrolments_is_stored_once_each_and_the_pace_is_reported() {
		ProjectId project = CaseStream.uniqueProject();
		Instant recorded = Instant.parse("2010-03-01T09:00:00Z");
		List<EventEnvelope<CaseEvent>> backlog = new ArrayList<>(ENROLMENTS);
		for (int i = 0; i < ENROLMENTS; i++) {
			backlog.add(new CaseStream(project).enrolled(LocalDate.of(2010, 3, 1), recorded));
		}
		MessageListenerContainer intake = listeners.getListenerContainer("audit-intake");
		intake.pause();
		await().atMost(Duration.ofMinutes(1)).until(intake::isPauseRequested);
		publish(backlog);

		Instant resumed = Instant.now();
		intake.resume();
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> enrolmentsOf(project) == ENROLMENTS);
		double seconds = Duration.between(resumed, Instant.now()).toMillis() / 1000.0;

		System.out.printf("INTAKE %d enrolments in %.1f s: %.0f records/s%n", ENROLMENTS, seconds,
				ENROLMENTS / seconds);
		assertThat(sqlLong("SELECT count(*) FROM audit.case_event e JOIN audit.case_project p USING (participant_id)"
				+ " WHERE p.project_id = '" + project + "'"))
			.isEqualTo(ENROLMENTS);
	}

	private static long enrolmentsOf(ProjectId project) {
		return sqlLong("SELECT count(*) FROM audit.case_project WHERE project_id = '" + project + "'");
	}

}
