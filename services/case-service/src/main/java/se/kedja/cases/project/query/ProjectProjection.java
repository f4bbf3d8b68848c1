package se.kedja.cases.project.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import org.springframework.stereotype.Component;

import se.kedja.cases.config.AxonConfig;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectRevised;

@Component
@ProcessingGroup(AxonConfig.CASE_READ_MODEL)
class ProjectProjection {

	private final ProjectCatalog catalog;

	ProjectProjection(ProjectCatalog catalog) {
		this.catalog = catalog;
	}

	@EventHandler
	void on(ProjectDefined event) {
		this.catalog.defined(event);
	}

	@EventHandler
	void on(ProjectRevised event) {
		this.catalog.revised(event);
	}

}
