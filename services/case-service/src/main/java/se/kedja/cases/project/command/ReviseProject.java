package se.kedja.cases.project.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ProjectId;
import se.kedja.events.projects.ProjectDefinition;

/**
 * Replaces an existing project's definition as a whole. Sending the definition in force
 * again records nothing, so loading the same project file twice is harmless.
 */
public record ReviseProject(@TargetAggregateIdentifier ProjectId projectId, ProjectDefinition definition) {
}
