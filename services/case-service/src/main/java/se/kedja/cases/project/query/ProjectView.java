package se.kedja.cases.project.query;

import se.kedja.cases.participant.command.ProjectTerms;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.projects.ProjectDefinition;

/** A project's revision in force. */
public record ProjectView(ProjectId projectId, int revision, String digest, ProjectDefinition definition) {

	public ProjectTerms terms() {
		return new ProjectTerms(this.definition.periodStart(), this.definition.periodEnd(), this.definition.settings());
	}

	public boolean hasSite(SiteId site) {
		return this.definition.sites().stream().anyMatch((s) -> s.id().equals(site));
	}

}
