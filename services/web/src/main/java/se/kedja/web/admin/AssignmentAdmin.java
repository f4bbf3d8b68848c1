package se.kedja.web.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.Json;
import se.kedja.web.clients.KedjaApis;
import se.kedja.web.clients.ServiceProblem;

/**
 * Who works in a project, and at which of its sites: the administrator assigns a person
 * and removes an assignment through case-service, which keeps every change on record. A
 * refusal shows beside its field with what was typed; a double submit changes once.
 */
@Controller
class AssignmentAdmin {

	private static final String PAGE = "/admin/projects/{project}/assignments";

	private static final String API = "/api/projects/{project}/assignments/{user}";

	private final KedjaApis apis;

	private final SubmittedForms submitted;

	private final MessageSource messages;

	AssignmentAdmin(KedjaApis apis, SubmittedForms submitted, MessageSource messages) {
		this.apis = apis;
		this.submitted = submitted;
		this.messages = messages;
	}

	record Site(String id, String name) {
	}

	record Assignment(String userId, String sites, String assignedAt, String assignedBy, String removeKey) {
	}

	@GetMapping(PAGE)
	String page(@PathVariable String project, Model model) {
		return show(project, AssignmentForm.empty(newKey()), model);
	}

	@PostMapping(PAGE)
	String assign(@PathVariable String project, @RequestParam(defaultValue = "") String userId,
			@RequestParam(defaultValue = "") List<String> sites, @RequestParam(defaultValue = "") String idempotencyKey,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		String key = idempotencyKey.isBlank() ? newKey() : idempotencyKey;
		List<String> chosen = sites.stream().filter((site) -> !site.isBlank()).toList();
		AssignmentForm form = new AssignmentForm(userId.strip(), chosen, Map.of(), List.of(), key);
		if (form.userId().isEmpty() || form.userId().contains("/") || form.userId().contains("\\")) {
			response.setStatus(422);
			String error = form.userId().isEmpty() ? "form.required" : "assignments.userId.invalid";
			return show(project, form.refused(Map.of(AssignmentForm.USER_ID, message(error)), List.of()), model);
		}
		String admin = admin();
		if (!this.submitted.claim(admin, key)) {
			return redirectTo(project);
		}
		try {
			this.apis.cases()
				.put()
				.uri(API, project, form.userId())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("sites", chosen))
				.retrieve()
				.toBodilessEntity();
		}
		catch (ServiceProblem problem) {
			this.submitted.release(admin, key);
			if (problem.status() >= 500) {
				throw problem;
			}
			response.setStatus(422);
			return show(project, refused(form, problem), model);
		}
		redirect.addFlashAttribute("assigned", form.userId());
		return redirectTo(project);
	}

	@PostMapping(PAGE + "/remove")
	String remove(@PathVariable String project, @RequestParam(defaultValue = "") String userId,
			@RequestParam(defaultValue = "") String idempotencyKey, RedirectAttributes redirect) {
		String admin = admin();
		String key = idempotencyKey.isBlank() ? newKey() : idempotencyKey;
		if (userId.isBlank() || !this.submitted.claim(admin, key)) {
			return redirectTo(project);
		}
		try {
			this.apis.cases().delete().uri(API, project, userId).retrieve().toBodilessEntity();
		}
		catch (ServiceProblem problem) {
			this.submitted.release(admin, key);
			throw problem;
		}
		redirect.addFlashAttribute("removed", userId);
		return redirectTo(project);
	}

	private AssignmentForm refused(AssignmentForm form, ServiceProblem problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		String said = (problem.detail() != null) ? problem.detail() : problem.title();
		if ("unknown-site".equals(problem.code())) {
			errors.put(AssignmentForm.SITES, said);
		}
		else if ("invalid-value".equals(problem.code()) && said.contains(AssignmentForm.USER_ID)) {
			errors.put(AssignmentForm.USER_ID, message("assignments.userId.invalid"));
		}
		for (ServiceProblem.FieldError error : problem.errors()) {
			String field = error.field().startsWith(AssignmentForm.SITES) ? AssignmentForm.SITES
					: error.field().equals(AssignmentForm.USER_ID) ? AssignmentForm.USER_ID : null;
			if (field != null) {
				errors.merge(field, error.message(), (a, b) -> a + " " + b);
			}
			else {
				general.add((error.field().isBlank() ? "" : error.field() + ": ") + error.message());
			}
		}
		if (errors.isEmpty() && general.isEmpty()) {
			general.add(problem.title() + ((problem.detail() != null) ? ": " + problem.detail() : ""));
		}
		return form.refused(errors, general);
	}

	private String show(String project, AssignmentForm form, Model model) {
		JsonNode definition = this.apis.cases()
			.get()
			.uri("/api/projects/{project}", project)
			.retrieve()
			.body(JsonNode.class)
			.path("definition");
		List<Site> sites = new ArrayList<>();
		definition.path("sites")
			.forEach((site) -> sites.add(new Site(Json.text(site.path("id")), site.path("name").asString())));
		List<Assignment> assignments = new ArrayList<>();
		for (JsonNode assignment : this.apis.cases()
			.get()
			.uri("/api/projects/{project}/assignments", project)
			.retrieve()
			.body(JsonNode.class)) {
			assignments.add(new Assignment(assignment.path("userId").asString(), siteNames(assignment, sites),
					assignment.path("assignedAt").asString(""), assignment.path("assignedBy").asString(""), newKey()));
		}
		model.addAttribute("project", project);
		model.addAttribute("projectName", definition.path("name").asString(project));
		model.addAttribute("sites", sites);
		model.addAttribute("assignments", assignments);
		model.addAttribute("form", form);
		return "admin/assignments";
	}

	private String siteNames(JsonNode assignment, List<Site> sites) {
		List<String> names = new ArrayList<>();
		for (JsonNode id : assignment.path("sites")) {
			names.add(sites.stream()
				.filter((site) -> site.id().equals(id.asString()))
				.map(Site::name)
				.findFirst()
				.orElse(id.asString()));
		}
		return names.isEmpty() ? message("assignments.allSites") : String.join(", ", names);
	}

	private static String redirectTo(String project) {
		return "redirect:/admin/projects/" + UriUtils.encodePathSegment(project, StandardCharsets.UTF_8)
				+ "/assignments";
	}

	private static String admin() {
		return Caller.current().map(Caller::user).orElse("");
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
