package se.kedja.cases.project.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.cases.project.definition.LoadedDefinition;
import se.kedja.cases.project.definition.ProjectDefinitionReader;
import se.kedja.cases.project.definition.ProjectDefinitions;
import se.kedja.cases.project.query.ProjectCatalog;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.events.ProjectId;
import se.kedja.events.projects.ProjectDefinition;
import se.kedja.support.problem.ProblemException;

/**
 * Administration of projects: their definitions, in the YAML or JSON of the definition
 * files.
 */
@RestController
@RequestMapping("/api/projects/{projectId}")
@Tag(name = "projects", description = "Project definitions (administrators)")
class ProjectController {

	private final ProjectDefinitionReader reader;

	private final ProjectDefinitions definitions;

	private final ProjectCatalog catalog;

	ProjectController(ProjectDefinitionReader reader, ProjectDefinitions definitions, ProjectCatalog catalog) {
		this.reader = reader;
		this.definitions = definitions;
		this.catalog = catalog;
	}

	record ProjectResponse(String projectId, int revision, String digest, ProjectDefinition definition) {

		static ProjectResponse of(ProjectView view) {
			return new ProjectResponse(view.projectId().value(), view.revision(), view.digest(), view.definition());
		}

	}

	@GetMapping
	@Operation(summary = "The project's definition in force")
	ProjectResponse get(@PathVariable String projectId) {
		return this.catalog.find(projectId(projectId)).map(ProjectResponse::of).orElseThrow(ProjectController::unknown);
	}

	@PutMapping(path = "/definition",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain" })
	@Operation(summary = "Define or revise the project from a definition (YAML or JSON)")
	ResponseEntity<ProjectResponse> put(@PathVariable String projectId, @RequestBody byte[] definition,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
		ProjectId id = projectId(projectId);
		Charset charset = (contentType.getCharset() != null) ? contentType.getCharset() : StandardCharsets.UTF_8;
		LoadedDefinition loaded = this.reader.read(new String(definition, charset), "request", id);
		ProjectDefinitions.Outcome outcome = this.definitions.apply(loaded);
		ProjectResponse body = get(projectId);
		return (outcome == ProjectDefinitions.Outcome.DEFINED) ? ResponseEntity.status(201).body(body)
				: ResponseEntity.ok(body);
	}

	@PostMapping(path = "/definition",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain" })
	@Operation(summary = "Same as PUT")
	ResponseEntity<ProjectResponse> post(@PathVariable String projectId, @RequestBody byte[] definition,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
		return put(projectId, definition, contentType);
	}

	private static ProjectId projectId(String value) {
		try {
			return ProjectId.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw unknown();
		}
	}

	private static ProblemException unknown() {
		return new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-project");
	}

}
