package se.kedja.progress.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import se.kedja.progress.goals.GoalProgress.Status;

import static org.assertj.core.api.Assertions.assertThat;

class GoalEvaluatorTest {

	private static final LocalDate START = LocalDate.of(2010, 1, 1);

	private static final LocalDate END = LocalDate.of(2010, 12, 31);

	@Test
	void days_below_the_minimum_are_counted_until_enough_are_active() {
		TreeMap<LocalDate, Long> changes = new TreeMap<>(
				Map.of(START.plusDays(10), 1L, START.plusDays(20), 1L, START.plusDays(30), -1L));

		long breached = GoalEvaluator.breachedDays(changes, 2, START, START.plusDays(39));

		assertThat(breached).isEqualTo(30);
	}

	@Test
	void on_the_first_day_only_that_day_is_counted() {
		TreeMap<LocalDate, Long> changes = new TreeMap<>(Map.of(START, 1L, START.plusDays(5), 1L));

		assertThat(GoalEvaluator.breachedDays(changes, 2, START, START)).isEqualTo(1);
		assertThat(GoalEvaluator.breachedDays(changes, 1, START, START)).isZero();
	}

	@Test
	void a_count_running_behind_its_target_is_off_track_with_a_run_rate_forecast() {
		Goal goal = new Goal.Count("g", "G", Filter.ALL, Target.atLeast(100));
		ProjectGoals project = new ProjectGoals("p", "P", START, END, List.of(), List.of(goal), Map.of());
		Map<TallyKey, Long> tallies = Map
			.of(new TallyKey("g", TallyKey.TOTAL, TallyKey.ALL, TallyKey.Measure.COUNT, TallyKey.NO_DAY), 10L);

		GoalProgress progress = GoalEvaluator.evaluate(project, tallies, Map.of(), START.plusDays(181)).get(0);

		assertThat(progress.actual()).isEqualTo(10);
		assertThat(progress.forecast()).isEqualTo(20.1);
		assertThat(progress.status()).isEqualTo(Status.OFF_TRACK);
	}

	@Test
	void a_count_on_its_way_to_the_target_is_on_track() {
		Goal goal = new Goal.Count("g", "G", Filter.ALL, Target.atLeast(100));
		ProjectGoals project = new ProjectGoals("p", "P", START, END, List.of(), List.of(goal), Map.of());
		Map<TallyKey, Long> tallies = Map
			.of(new TallyKey("g", TallyKey.TOTAL, TallyKey.ALL, TallyKey.Measure.COUNT, TallyKey.NO_DAY), 60L);

		assertThat(GoalEvaluator.evaluate(project, tallies, Map.of(), START.plusDays(181)).get(0).status())
			.isEqualTo(Status.ON_TRACK);
	}

}
