package se.kedja.events.projects;

import se.kedja.events.ProjectId;

/** A fact about a project's definition. */
public sealed interface ProjectEvent permits ProjectDefined, ProjectRevised {

	ProjectId projectId();

	ProjectDefinition definition();

}
