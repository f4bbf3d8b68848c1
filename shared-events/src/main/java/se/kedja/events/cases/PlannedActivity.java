package se.kedja.events.cases;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ActivityType;
import se.kedja.events.ActorId;

/**
 * An activity the plan foresees.
 *
 * @param provider the actor who will hold it, if known
 */
public record PlannedActivity(ActivityType type, @Nullable ActorId provider) {
}
