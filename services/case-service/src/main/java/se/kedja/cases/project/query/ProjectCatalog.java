package se.kedja.cases.project.query;

import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.kedja.cases.project.definition.DefinitionDigest;
import se.kedja.events.ProjectId;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectRevised;

/**
 * The projects as commands on cases need them: period, sites and settings of the revision
 * in force. Kept from the project events in the command's transaction.
 */
@Component
public class ProjectCatalog {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ProjectCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ProjectView> find(ProjectId id) {
		return this.jdbc.sql("SELECT revision, definition_digest, definition::text FROM project WHERE project_id = ?")
			.param(id.value())
			.query((rs, n) -> new ProjectView(id, rs.getInt(1), rs.getString(2),
					JSON.readValue(rs.getString(3), ProjectDefinition.class)))
			.optional();
	}

	void defined(ProjectDefined event) {
		save(event.projectId(), ProjectDefined.FIRST_REVISION, event.definition());
	}

	void revised(ProjectRevised event) {
		save(event.projectId(), event.revision(), event.definition());
	}

	private void save(ProjectId id, int revision, ProjectDefinition definition) {
		this.jdbc.sql("""
				INSERT INTO project (project_id, name, period_start, period_end, plan_due_days, revision,
				  definition_digest, definition, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
				ON CONFLICT (project_id) DO UPDATE SET name = EXCLUDED.name, period_start = EXCLUDED.period_start,
				  period_end = EXCLUDED.period_end, plan_due_days = EXCLUDED.plan_due_days,
				  revision = EXCLUDED.revision, definition_digest = EXCLUDED.definition_digest,
				  definition = EXCLUDED.definition, updated_at = now()
				WHERE project.revision < EXCLUDED.revision""")
			.params(id.value(), definition.name(), definition.periodStart(), definition.periodEnd(),
					definition.settings().planDueDays(), revision, DefinitionDigest.of(id, definition),
					JSON.writeValueAsString(definition))
			.update();
		this.jdbc.sql("DELETE FROM project_site WHERE project_id = ?").param(id.value()).update();
		definition.sites()
			.forEach((site) -> this.jdbc.sql("INSERT INTO project_site (project_id, site_id, name) VALUES (?, ?, ?)")
				.params(id.value(), site.id().value(), site.name())
				.update());
	}

}
