package se.kedja.events.cases;

/**
 * A goal of the individual plan. Its wording stays in case-service; follow-ups report
 * progress against its key.
 *
 * @param key unique within the case, e.g. {@code g1}
 */
public record PlanGoal(String key, PlanGoalArea area) {
}
