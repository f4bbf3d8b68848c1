package se.kedja.progress.goals;

import java.util.Map;

/** A goal as a project definition carries it: the goal language's data, not yet read. */
public record GoalSpec(String id, String title, String kind, Map<String, Object> spec) {

}
