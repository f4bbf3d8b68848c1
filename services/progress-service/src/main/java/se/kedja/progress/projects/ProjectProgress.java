package se.kedja.progress.projects;

import java.time.LocalDate;
import java.util.List;

import se.kedja.progress.goals.GoalProgress;

/**
 * A project's goals as they stood on {@code asOf}: {@code basis} is {@code live} for the
 * maintained figures, {@code recorded} when they were recomputed from what had been
 * recorded by the end of that day.
 */
public record ProjectProgress(String projectId, String name, LocalDate asOf, String basis, int revision,
		List<GoalProgress> goals) {

}
