package se.kedja.cases.project.definition;

import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.cases.project.command.DefineProject;
import se.kedja.cases.project.command.ReviseProject;
import se.kedja.cases.project.query.ProjectCatalog;
import se.kedja.cases.project.query.ProjectView;

/**
 * Defines a project the first time, revises it when its content changed, else does
 * nothing.
 */
@Service
public class ProjectDefinitions {

	private final CommandGateway commands;

	private final ProjectCatalog catalog;

	ProjectDefinitions(CommandGateway commands, ProjectCatalog catalog) {
		this.commands = commands;
		this.catalog = catalog;
	}

	public enum Outcome {

		DEFINED, REVISED, UNCHANGED

	}

	@Transactional
	public Outcome apply(LoadedDefinition loaded) {
		ProjectView current = this.catalog.find(loaded.projectId()).orElse(null);
		if (current == null) {
			this.commands.sendAndWait(new DefineProject(loaded.projectId(), loaded.definition()));
			return Outcome.DEFINED;
		}
		if (current.digest().equals(loaded.digest())) {
			return Outcome.UNCHANGED;
		}
		this.commands.sendAndWait(new ReviseProject(loaded.projectId(), loaded.definition()));
		return Outcome.REVISED;
	}

}
