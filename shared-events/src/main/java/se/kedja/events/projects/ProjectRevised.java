package se.kedja.events.projects;

import se.kedja.events.EventType;
import se.kedja.events.ProjectId;

/**
 * The project's definition is replaced as a whole. Revisions count up from 2; figures are
 * computed with the revision in force, and earlier ones stay on record.
 */
@EventType(name = "project-revised", version = 1)
public record ProjectRevised(ProjectId projectId, int revision, ProjectDefinition definition) implements ProjectEvent {
}
