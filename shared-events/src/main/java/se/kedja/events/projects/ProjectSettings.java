package se.kedja.events.projects;

import java.util.List;

/**
 * The project's rules of thumb for cases.
 *
 * @param planDueDays days after enrolment by which a plan must be agreed
 * @param postExitFollowUpDays days after exit at which the situation is followed up
 * @param postExitFollowUpWindowDays how many days after its day a post-exit follow-up may
 * still be recorded before it counts as missed
 */
public record ProjectSettings(int planDueDays, List<Integer> postExitFollowUpDays, int postExitFollowUpWindowDays) {

	public static final int DEFAULT_PLAN_DUE_DAYS = 30;

	public static final List<Integer> DEFAULT_POST_EXIT_FOLLOW_UP_DAYS = List.of(90);

	public static final int DEFAULT_POST_EXIT_FOLLOW_UP_WINDOW_DAYS = 30;

	public ProjectSettings {
		postExitFollowUpDays = List.copyOf(postExitFollowUpDays);
		if (planDueDays < 1 || postExitFollowUpWindowDays < 0 || postExitFollowUpDays.stream().anyMatch((d) -> d < 1)) {
			throw new IllegalArgumentException("Plan and follow-up days are positive, the window not negative");
		}
	}

	public static ProjectSettings defaults() {
		return new ProjectSettings(DEFAULT_PLAN_DUE_DAYS, DEFAULT_POST_EXIT_FOLLOW_UP_DAYS,
				DEFAULT_POST_EXIT_FOLLOW_UP_WINDOW_DAYS);
	}

}
