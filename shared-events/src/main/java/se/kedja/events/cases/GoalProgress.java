package se.kedja.events.cases;

/** Progress towards one plan goal, named by its key, at a follow-up. */
public record GoalProgress(String goalKey, ProgressLevel level) {
}
