package se.kedja.audit.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kedja.audit.CaseStream;
import se.kedja.events.ActivityId;
import se.kedja.events.ActivityType;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ProjectId;
import se.kedja.events.cases.ActivityCompleted;
import se.kedja.events.cases.ActivityStarted;

import static org.assertj.core.api.Assertions.assertThat;

class CaseReplayTest {

	private static final Instant T0 = Instant.parse("2010-01-04T08:00:00Z");

	@Test
	void a_correction_that_does_not_fit_the_event_leaves_it_as_recorded() {
		CaseStream stream = new CaseStream(ProjectId.of("sesam"));
		stream.enrolled(LocalDate.of(2010, 1, 4), T0);
		var exit = stream.exited(LocalDate.of(2010, 6, 1), ExitOutcome.SICK, T0.plus(Duration.ofDays(150)));
		stream.corrected(exit, Map.of("outcome", "NOT_AN_OUTCOME"), LocalDate.of(2010, 7, 1), "typo",
				T0.plus(Duration.ofDays(180)));

		CaseState state = CaseReplay.current(stream.participant(), stream.recorded());

		assertThat(state.exitOutcome()).isEqualTo("SICK");
	}

	@Test
	void a_case_of_500_events_replays_in_well_under_a_second() {
		CaseStream stream = new CaseStream(ProjectId.of("sesam"));
		stream.enrolled(LocalDate.of(2010, 1, 4), T0);
		LocalDate day = LocalDate.of(2010, 1, 5);
		for (int i = 0; i < 249; i++) {
			ActivityId activity = ActivityId.random();
			stream.record(new ActivityStarted(stream.participant(), activity, ActivityType.WORK_TRAINING, day, null,
					java.util.List.of()), T0.plus(Duration.ofHours(i)), "coach-7");
			stream.record(new ActivityCompleted(stream.participant(), activity, day, true),
					T0.plus(Duration.ofHours(i)).plusSeconds(60), "coach-7");
		}
		var exit = stream.exited(day, ExitOutcome.JOB_SEEKING, T0.plus(Duration.ofDays(40)));
		stream.corrected(exit, Map.of("outcome", "EMPLOYMENT"), day, "late news", T0.plus(Duration.ofDays(60)));
		assertThat(stream.events()).hasSize(501);

		long started = System.nanoTime();
		CaseState state = CaseReplay.asOnBusinessDate(stream.participant(), stream.recorded(), day);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(state.activitiesCompleted()).isEqualTo(249);
		assertThat(state.exitOutcome()).isEqualTo("EMPLOYMENT");
		assertThat(took).isLessThan(Duration.ofSeconds(1));
	}

}
