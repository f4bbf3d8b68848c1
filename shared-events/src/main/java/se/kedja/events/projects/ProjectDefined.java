package se.kedja.events.projects;

import se.kedja.events.EventType;
import se.kedja.events.ProjectId;

/** A project is set up with its first definition, which is revision 1. */
@EventType(name = "project-defined", version = 1)
public record ProjectDefined(ProjectId projectId, ProjectDefinition definition) implements ProjectEvent {

	public static final int FIRST_REVISION = 1;

}
