package se.kedja.progress.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project as the goal engine sees it: its period, sites and goals. {@code invalidGoals}
 * holds, by goal id, why a goal of the definition could not be read; such goals are
 * shown, never counted.
 */
public record ProjectGoals(String projectId, String name, LocalDate startsOn, LocalDate endsOn, List<String> sites,
		List<Goal> goals, Map<String, String> invalidGoals) {

	public ProjectGoals {
		sites = List.copyOf(sites);
		goals = List.copyOf(goals);
		invalidGoals = Map.copyOf(invalidGoals);
	}

	/** The ids of the quality goals, whose exceptions are listed on the dashboard. */
	public List<String> qualityGoalIds() {
		return this.goals.stream().filter((goal) -> goal instanceof Goal.Quality).map(Goal::id).toList();
	}

}
