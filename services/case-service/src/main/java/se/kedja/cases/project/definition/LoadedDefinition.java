package se.kedja.cases.project.definition;

import se.kedja.events.ProjectId;
import se.kedja.events.projects.ProjectDefinition;

/**
 * A checked definition with the digest of its content, by which the loader tells whether
 * a file changed.
 */
public record LoadedDefinition(ProjectId projectId, ProjectDefinition definition, String digest) {

}
