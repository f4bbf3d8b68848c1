package se.kedja.events.projects;

/**
 * A target group (målgrupp) of the project.
 *
 * @param key how enrolments name it, e.g. {@code long-term-unemployed-mental-ill-health}
 */
public record TargetGroupDefinition(String key, String name) {
}
