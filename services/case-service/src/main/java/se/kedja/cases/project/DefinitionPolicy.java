package se.kedja.cases.project;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import se.kedja.events.json.EventJson;
import se.kedja.events.projects.GoalDefinition;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.events.projects.ResponsibleActorDefinition;
import se.kedja.events.projects.SiteDefinition;
import se.kedja.events.projects.TargetGroupDefinition;

import static se.kedja.cases.project.ProjectRuleViolation.refuseIf;

/**
 * A definition makes sense on its own: a period forwards in time, and no name used twice.
 */
final class DefinitionPolicy {

	private static final EventJson JSON = new EventJson();

	private DefinitionPolicy() {
	}

	static void requireConsistent(ProjectDefinition definition) {
		refuseIf(definition.periodEnd().isBefore(definition.periodStart()), ProjectError.PERIOD_ENDS_BEFORE_START,
				"The period ends on " + definition.periodEnd() + ", before it starts on " + definition.periodStart());
		requireUnique(definition.sites(), SiteDefinition::id, ProjectError.DUPLICATE_SITE);
		requireUnique(definition.targetGroups(), TargetGroupDefinition::key, ProjectError.DUPLICATE_TARGET_GROUP);
		requireUnique(definition.responsibleActors(), ResponsibleActorDefinition::id, ProjectError.DUPLICATE_ACTOR);
		requireUnique(definition.goals(), GoalDefinition::id, ProjectError.DUPLICATE_GOAL);
	}

	/**
	 * Whether two definitions say the same, compared by their JSON: goal specs read from
	 * a file and from the event store may hold the same number as different Java types.
	 */
	static boolean same(ProjectDefinition revised, @Nullable ProjectDefinition inForce) {
		return inForce != null
				&& JSON.mapper().writeValueAsString(revised).equals(JSON.mapper().writeValueAsString(inForce));
	}

	private static <T> void requireUnique(List<T> items, Function<T, ?> key, ProjectError error) {
		List<?> keys = items.stream().map(key).toList();
		refuseIf(keys.stream().distinct().count() != keys.size(), error, "Some name is used twice in " + keys);
	}

}
