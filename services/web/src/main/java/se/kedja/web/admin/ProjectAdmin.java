package se.kedja.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.kedja.web.clients.KedjaApis;
import se.kedja.web.clients.ServiceProblem;

/**
 * The administrator's page: upload a project definition, which case-service checks and
 * applies; its objections come back with line and reason.
 */
@Controller
class ProjectAdmin {

	private final KedjaApis apis;

	ProjectAdmin(KedjaApis apis) {
		this.apis = apis;
	}

	@GetMapping("/admin/projects")
	String page(Model model) {
		model.addAttribute("projectId", "");
		model.addAttribute("definition", "");
		return show(model);
	}

	@PostMapping("/admin/projects")
	String upload(@RequestParam(defaultValue = "") String projectId, @RequestParam(defaultValue = "") String definition,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		String text = (file != null && !file.isEmpty()) ? new String(file.getBytes(), StandardCharsets.UTF_8)
				: definition;
		model.addAttribute("projectId", projectId.strip());
		model.addAttribute("definition", definition);
		List<String> problems = new ArrayList<>();
		if (text.isBlank()) {
			model.addAttribute("definitionError", true);
		}
		if (projectId.isBlank()) {
			model.addAttribute("projectIdError", true);
		}
		if (text.isBlank() || projectId.isBlank()) {
			response.setStatus(422);
			return show(model);
		}
		try {
			JsonNode saved = this.apis.cases()
				.put()
				.uri("/api/projects/{id}/definition", projectId.strip())
				.contentType(MediaType.TEXT_PLAIN)
				.body(text)
				.retrieve()
				.body(JsonNode.class);
			redirect.addFlashAttribute("savedName", saved.path("definition").path("name").asString(projectId));
			redirect.addFlashAttribute("savedRevision", saved.path("revision").asInt());
			return "redirect:/admin/projects";
		}
		catch (ServiceProblem problem) {
			if (problem.status() >= 500) {
				throw problem;
			}
			problem.errors().forEach((error) -> problems.add(error.message()));
			if (problems.isEmpty()) {
				problems.add(problem.title() + ((problem.detail() != null) ? ": " + problem.detail() : ""));
			}
			model.addAttribute("problems", problems);
			response.setStatus(422);
			return show(model);
		}
	}

	private String show(Model model) {
		List<JsonNode> projects = new ArrayList<>();
		try {
			this.apis.progress().get().uri("/api/projects").retrieve().body(JsonNode.class).forEach(projects::add);
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			model.addAttribute("projectsUnavailable", true);
		}
		model.addAttribute("projects", projects);
		return "admin/projects";
	}

}
