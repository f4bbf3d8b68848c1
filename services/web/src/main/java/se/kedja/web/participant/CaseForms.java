package se.kedja.web.participant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.KedjaApis;
import se.kedja.web.clients.ServiceProblem;

/**
 * The coach's forms: enrolment into a project, then every record on a case. A form
 * carries an {@code Idempotency-Key} made when it was shown, so a double submit records
 * once; a refusal shows the service's errors beside their fields, with what was typed.
 */
@Controller
class CaseForms {

	private static final String KEY = "idempotencyKey";

	private final KedjaApis apis;

	private final CaseData data;

	private final MessageSource messages;

	private final Clock clock;

	CaseForms(KedjaApis apis, CaseData data, MessageSource messages) {
		this.apis = apis;
		this.data = data;
		this.messages = messages;
		this.clock = Clock.systemDefaultZone();
	}

	@GetMapping("/projects/{project}/enrol")
	String enrolForm(@PathVariable String project, Model model) {
		MultiValueMap<String, String> values = FormView.defaults(CaseForm.ENROL, today(), user());
		return show(model, CaseForm.ENROL, project, null, values, Map.of(), List.of(), UUID.randomUUID().toString());
	}

	@PostMapping("/projects/{project}/enrol")
	String enrol(@PathVariable String project, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(CaseForm.ENROL, project, null, params, model, response, redirect);
	}

	@GetMapping("/participants/{participant}/forms/{slug}")
	String caseForm(@PathVariable String participant, @PathVariable String slug, Model model) {
		CaseForm form = form(slug);
		MultiValueMap<String, String> values = FormView.defaults(form, today(), user());
		return show(model, form, project(participant), participant, values, Map.of(), List.of(),
				UUID.randomUUID().toString());
	}

	@PostMapping("/participants/{participant}/forms/{slug}")
	String record(@PathVariable String participant, @PathVariable String slug,
			@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return submit(form(slug), project(participant), participant, params, model, response, redirect);
	}

	private String submit(CaseForm form, String project, String participant, MultiValueMap<String, String> params,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		String key = params.getFirst(KEY);
		if (key == null || key.isBlank()) {
			key = UUID.randomUUID().toString();
		}
		FormBody body = FormBody.of(form, params);
		MultiValueMap<String, String> typed = new LinkedMultiValueMap<>(params);
		typed.remove(KEY);
		String missing = body.missingPathVariable();
		if (missing != null) {
			response.setStatus(422);
			return show(model, form, project, participant, typed, Map.of(missing, message("form.required")), List.of(),
					key);
		}
		try {
			ResponseEntity<JsonNode> answer = this.apis.cases()
				.post()
				.uri(body.expand(form.path(), project, (participant != null) ? participant : ""))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key)
				.body(body.json())
				.retrieve()
				.toEntity(JsonNode.class);
			String id = (participant != null) ? participant : answer.getBody().path("participantId").asString();
			redirect.addFlashAttribute("saved", form.slug());
			return "redirect:/participants/" + id;
		}
		catch (ServiceProblem problem) {
			if (problem.status() >= 500) {
				throw problem;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			List<String> general = new java.util.ArrayList<>();
			List<String> names = form.fields().stream().map(FormField::name).toList();
			for (ServiceProblem.FieldError error : problem.errors()) {
				String field = body.fieldFor(error.field());
				if (names.contains(field)) {
					errors.merge(field, error.message(), (a, b) -> a + " " + b);
				}
				else {
					general.add((error.field().isBlank() ? "" : error.field() + ": ") + error.message());
				}
			}
			if (errors.isEmpty() && general.isEmpty()) {
				general.add(problem.title() + ((problem.detail() != null && !problem.detail().equals(problem.title()))
						? " " + problem.detail() : ""));
			}
			response.setStatus(422);
			return show(model, form, project, participant, typed, errors, general, key);
		}
	}

	private String show(Model model, CaseForm form, String project, String participant,
			MultiValueMap<String, String> values, Map<String, String> errors, List<String> general, String key) {
		JsonNode definition = this.data.definition(project);
		List<JsonNode> history = (participant != null && (form.needs(FormField.Source.EVENTS)
				|| form.needs(FormField.Source.PLAN_GOALS) || form.needs(FormField.Source.PENDING_TRANSFERS)))
						? this.data.history(participant) : List.of();
		String action = (participant != null) ? "/participants/" + participant + "/forms/" + form.slug()
				: "/projects/" + project + "/enrol";
		String cancel = (participant != null) ? "/participants/" + participant : "/caseload?project=" + project;
		model.addAttribute("view", new FormView(form, action, cancel, form.parts(), values,
				this.data.options(form, definition, history), errors, general, key));
		model.addAttribute("projectName", definition.path("name").asString(project));
		return "participant/form";
	}

	private String project(String participant) {
		return this.data.caseView(participant).path("projectId").asString();
	}

	private static CaseForm form(String slug) {
		return CaseForm.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}

	private String today() {
		return LocalDate.now(this.clock).toString();
	}

	private static String user() {
		return Caller.current().map(Caller::user).orElse("");
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
