package se.kedja.cases.project.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import se.kedja.events.ProjectId;
import se.kedja.events.projects.ProjectDefinition;

/** Sets up a new project with its first definition. */
public record DefineProject(@TargetAggregateIdentifier ProjectId projectId, ProjectDefinition definition) {
}
