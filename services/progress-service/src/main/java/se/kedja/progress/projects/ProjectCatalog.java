package se.kedja.progress.projects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import se.kedja.events.projects.GoalDefinition;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.GoalDefinitionException;
import se.kedja.progress.goals.GoalParser;
import se.kedja.progress.goals.GoalSpec;
import se.kedja.progress.goals.ProjectGoals;
import se.kedja.progress.intake.ProjectionTables;
import se.kedja.progress.projects.ProjectDefinitionStore.DefinedProject;

/**
 * Projects with their goals read: the current revision (cached by revision), or the one
 * in force on a past day.
 */
@Service
public class ProjectCatalog {

	private final ProjectDefinitionStore definitions;

	private final Map<String, Project> parsed = new ConcurrentHashMap<>();

	ProjectCatalog(ProjectDefinitionStore definitions) {
		this.definitions = definitions;
	}

	public Optional<Project> current(ProjectionTables tables, String projectId) {
		return this.definitions.current(tables, projectId).map(this::read);
	}

	public Optional<Project> current(String projectId) {
		return current(ProjectionTables.LIVE, projectId);
	}

	public Optional<Project> recordedBefore(String projectId, Instant until) {
		return this.definitions.recordedBefore(projectId, until).map(this::read);
	}

	public List<Project> all() {
		List<Project> projects = new ArrayList<>();
		this.definitions.projectIds().forEach((id) -> current(id).ifPresent(projects::add));
		return projects;
	}

	private Project read(DefinedProject defined) {
		String key = defined.event().projectId().value() + "@" + defined.revision();
		return this.parsed.computeIfAbsent(key, (k) -> new Project(defined.revision(), defined.event().definition(),
				goalsOf(defined.event().projectId().value(), defined.event().definition())));
	}

	/**
	 * Reads each goal on its own, so one faulty goal is shown as invalid and the rest
	 * still count.
	 */
	static ProjectGoals goalsOf(String projectId, ProjectDefinition definition) {
		List<Goal> goals = new ArrayList<>();
		Map<String, String> invalid = new LinkedHashMap<>();
		List<GoalDefinition> specs = definition.goals();
		for (int i = 0; i < specs.size(); i++) {
			GoalDefinition spec = specs.get(i);
			try {
				for (Goal goal : GoalParser.parse(toSpec(spec), "goals[" + i + "]")) {
					if (goals.stream().anyMatch((g) -> g.id().equals(goal.id()))) {
						throw new GoalDefinitionException("goals[" + i + "].id",
								"goal id '" + goal.id() + "' is used twice");
					}
					goals.add(goal);
				}
			}
			catch (GoalDefinitionException ex) {
				invalid.put(spec.id(), ex.getMessage());
			}
		}
		List<String> sites = definition.sites().stream().map((site) -> site.id().value()).toList();
		return new ProjectGoals(projectId, definition.name(), definition.periodStart(), definition.periodEnd(), sites,
				goals, invalid);
	}

	public static GoalSpec toSpec(GoalDefinition definition) {
		return new GoalSpec(definition.id(), definition.title(), definition.kind(), definition.spec());
	}

	/** A project's definition in force and its goals, read. */
	public record Project(int revision, ProjectDefinition definition, ProjectGoals goals) {

		public String id() {
			return this.goals.projectId();
		}

	}

}
