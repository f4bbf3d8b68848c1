package se.kedja.events.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything that makes a project: who owns it, when it runs, where, for whom, who takes
 * responsibility for participants, its settings and its goals.
 *
 * @param owner the organisation that owns the project (projektägare)
 * @param region e.g. Östergötland, or "national"
 */
public record ProjectDefinition(String name, LocalDate periodStart, LocalDate periodEnd, String owner, String region,
		List<SiteDefinition> sites, List<TargetGroupDefinition> targetGroups,
		List<ResponsibleActorDefinition> responsibleActors, ProjectSettings settings, List<GoalDefinition> goals) {

	public ProjectDefinition {
		sites = List.copyOf(sites);
		targetGroups = List.copyOf(targetGroups);
		responsibleActors = List.copyOf(responsibleActors);
		goals = List.copyOf(goals);
	}

}
