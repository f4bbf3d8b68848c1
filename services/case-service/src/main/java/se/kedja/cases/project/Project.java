package se.kedja.cases.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

import se.kedja.cases.project.command.DefineProject;
import se.kedja.cases.project.command.ReviseProject;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.events.projects.ProjectEvent;
import se.kedja.events.projects.ProjectRevised;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.kedja.cases.project.ProjectRuleViolation.refuseIf;

/** A project's definition and its revisions. */
@Aggregate
class Project {

	/**
	 * The project id's slug: a plain string, as Axon keeps it in scopes it may serialise.
	 */
	@AggregateIdentifier
	private @Nullable String slug;

	private int revision;

	private @Nullable ProjectDefinition definition;

	Project() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(DefineProject command) {
		refuseIf(this.slug != null, ProjectError.PROJECT_ALREADY_DEFINED,
				"Project " + command.projectId() + " is already defined; revise it instead");
		DefinitionPolicy.requireConsistent(command.definition());
		apply(new ProjectDefined(command.projectId(), command.definition()));
	}

	@CommandHandler
	void handle(ReviseProject command) {
		DefinitionPolicy.requireConsistent(command.definition());
		if (!DefinitionPolicy.same(command.definition(), this.definition)) {
			apply(new ProjectRevised(command.projectId(), this.revision + 1, command.definition()));
		}
	}

	@EventSourcingHandler
	void on(ProjectEvent event) {
		this.slug = event.projectId().value();
		this.definition = event.definition();
		this.revision = switch (event) {
			case ProjectDefined defined -> ProjectDefined.FIRST_REVISION;
			case ProjectRevised revised -> revised.revision();
		};
	}

}
