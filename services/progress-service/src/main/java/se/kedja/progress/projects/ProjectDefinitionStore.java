package se.kedja.progress.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.EventEnvelope;
import se.kedja.events.json.EventJson;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectEvent;
import se.kedja.events.projects.ProjectRevised;
import se.kedja.progress.intake.ProjectionTables;

/** Every revision of every project definition, as recorded. */
@Repository
public class ProjectDefinitionStore {

	private final JdbcClient jdbc;

	private final EventJson json;

	ProjectDefinitionStore(JdbcClient jdbc, EventJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void append(ProjectionTables tables, EventEnvelope<ProjectEvent> envelope) {
		this.jdbc
			.sql("INSERT INTO " + tables.projectDefinition()
					+ " (project_id, revision, recorded_at, envelope) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(envelope.payload().projectId().value(), revision(envelope.payload()),
					Timestamp.from(envelope.recordedAt()), this.json.write(envelope))
			.update();
	}

	/** The revision in force: the highest recorded. */
	public Optional<DefinedProject> current(ProjectionTables tables, String projectId) {
		return this.jdbc
			.sql("SELECT revision, envelope FROM " + tables.projectDefinition()
					+ " WHERE project_id = ? ORDER BY revision DESC LIMIT 1")
			.param(projectId)
			.query((rs, row) -> new DefinedProject(rs.getInt(1), this.json.readProject(rs.getBytes(2)).payload()))
			.optional();
	}

	/** The revision in force as recorded before {@code until}. */
	public Optional<DefinedProject> recordedBefore(String projectId, Instant until) {
		return this.jdbc
			.sql("SELECT revision, envelope FROM project_definition"
					+ " WHERE project_id = ? AND recorded_at < ? ORDER BY revision DESC LIMIT 1")
			.params(projectId, Timestamp.from(until))
			.query((rs, row) -> new DefinedProject(rs.getInt(1), this.json.readProject(rs.getBytes(2)).payload()))
			.optional();
	}

	public List<String> projectIds() {
		return this.jdbc.sql("SELECT DISTINCT project_id FROM project_definition ORDER BY project_id")
			.query(String.class)
			.list();
	}

	static int revision(ProjectEvent event) {
		return switch (event) {
			case ProjectDefined defined -> ProjectDefined.FIRST_REVISION;
			case ProjectRevised revised -> revised.revision();
		};
	}

	/** One revision of a project's definition. */
	public record DefinedProject(int revision, ProjectEvent event) {

	}

}
