package se.kedja.web.caseload;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.util.UriComponentsBuilder;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.Json;
import se.kedja.web.clients.KedjaApis;
import se.kedja.web.clients.ServiceProblem;

/**
 * The coach's caseload: a project's cases, filtered by site and status, with what is
 * overdue first, then what falls due soonest.
 */
@Controller
class CaseloadPage {

	static final int FOLLOW_UP_DAYS = 30;

	static final String PROJECT_COOKIE = "kedja-project";

	private final KedjaApis apis;

	private final MessageSource messages;

	CaseloadPage(KedjaApis apis, MessageSource messages) {
		this.apis = apis;
		this.messages = messages;
	}

	/** A case in the list. */
	record Row(String participantId, String name, String site, String status, String statusLabel,
			@Nullable String enrolledOn, @Nullable LocalDate due, @Nullable String dueWhat, boolean overdue,
			@Nullable String alert) {
	}

	/** A project to choose from. */
	record ProjectChoice(String id, String name) {
	}

	@GetMapping("/caseload")
	String caseload(@RequestParam(required = false) @Nullable String project,
			@RequestParam(required = false) @Nullable String site,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "false") boolean mine,
			@CookieValue(name = PROJECT_COOKIE, required = false) @Nullable String lastProject, Model model,
			HttpServletResponse response) {
		List<ProjectChoice> projects = new ArrayList<>();
		this.apis.progress()
			.get()
			.uri("/api/projects")
			.retrieve()
			.body(JsonNode.class)
			.forEach((p) -> projects.add(new ProjectChoice(p.path("id").asString(), p.path("name").asString())));
		model.addAttribute("projects", projects);
		model.addAttribute("mine", mine);
		model.addAttribute("status", blankToNull(status));
		model.addAttribute("statuses", List.of("ACTIVE", "PAUSED", "EXITED"));
		String chosen = choose(projects, project, lastProject);
		model.addAttribute("project", chosen);
		if (chosen == null) {
			model.addAttribute("rows", List.of());
			model.addAttribute("sites", List.of());
			model.addAttribute("site", null);
			return "caseload/caseload";
		}
		JsonNode definition = this.apis.cases()
			.get()
			.uri("/api/projects/{id}", chosen)
			.retrieve()
			.body(JsonNode.class)
			.path("definition");
		remember(chosen, response);
		Map<String, String> siteNames = new HashMap<>();
		definition.path("sites").forEach((s) -> siteNames.put(Json.text(s.path("id")), s.path("name").asString()));
		// a site chosen under the project shown before would match nothing in this one
		String siteFilter = (site != null && siteNames.containsKey(site)) ? site : null;
		model.addAttribute("site", siteFilter);
		model.addAttribute("sites", siteNames.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList());
		model.addAttribute("projectName", definition.path("name").asString(chosen));

		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/projects/{id}/participants")
			.queryParam("size", 500);
		if (siteFilter != null) {
			uri.queryParam("site", siteFilter);
		}
		if (blankToNull(status) != null) {
			uri.queryParam("status", status);
		}
		if (mine) {
			uri.queryParam("coach", Caller.current().map(Caller::user).orElse(""));
		}
		JsonNode page = this.apis.cases()
			.get()
			.uri(uri.buildAndExpand(chosen).toUriString())
			.retrieve()
			.body(JsonNode.class);
		Map<String, JsonNode> alerts = alerts(chosen);
		int planDueDays = definition.path("settings").path("planDueDays").asInt(30);
		LocalDate today = LocalDate.now();
		List<Row> rows = new ArrayList<>();
		for (JsonNode item : page.path("items")) {
			rows.add(row(item, siteNames, alerts.get(item.path("participantId").asString()), planDueDays, today));
		}
		rows.sort(Comparator.comparing((Row r) -> !r.overdue())
			.thenComparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder())));
		model.addAttribute("rows", rows);
		model.addAttribute("total", page.path("total").asLong());
		return "caseload/caseload";
	}

	/**
	 * The project asked for, else the one the coach chose last, else the first: a coach
	 * who comes back to the caseload finds the project they were working in.
	 */
	private static @Nullable String choose(List<ProjectChoice> projects, @Nullable String asked,
			@Nullable String last) {
		for (String wanted : new String[] { asked, last }) {
			if (wanted != null && projects.stream().anyMatch((p) -> p.id().equals(wanted))) {
				return wanted;
			}
		}
		return projects.isEmpty() ? null : projects.get(0).id();
	}

	private static void remember(String project, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(PROJECT_COOKIE, project)
					.path("/")
					.httpOnly(true)
					.sameSite("Lax")
					.maxAge(Duration.ofDays(365))
					.build()
					.toString());
	}

	private Row row(JsonNode item, Map<String, String> siteNames, @Nullable JsonNode alert, int planDueDays,
			LocalDate today) {
		String status = item.path("status").asString("ACTIVE");
		LocalDate due = null;
		String dueWhat = null;
		if (!status.equals("EXITED")) {
			LocalDate plan = date(item, "planAgreedOn");
			if (plan == null) {
				due = date(item, "enrolledOn").plusDays(planDueDays);
				dueWhat = "plan";
			}
			else {
				LocalDate last = date(item, "lastFollowUpOn");
				due = ((last != null) ? last : plan).plusDays(FOLLOW_UP_DAYS);
				dueWhat = "follow-up";
			}
		}
		JsonNode person = item.path("person");
		String name = person.isObject() ? person.path("name").asString() : item.path("personalDataErased").asBoolean()
				? message("caseload.erased") : pseudonym(item.path("participantId").asString());
		String alertText = (alert != null) ? message("alert." + alert.path("kind").asString()) : null;
		boolean overdue = alert != null || (due != null && due.isBefore(today));
		return new Row(item.path("participantId").asString(), name,
				siteNames.getOrDefault(item.path("siteId").asString(), item.path("siteId").asString()), status,
				message("enum.CaseStatus." + status), item.path("enrolledOn").asString(null), due,
				(dueWhat != null) ? message("caseload.due." + dueWhat) : null, overdue, alertText);
	}

	/**
	 * Names reach only the participant's own coach; everyone else sees the case under its
	 * id.
	 */
	private String pseudonym(String participantId) {
		return this.messages.getMessage("caseload.pseudonym",
				new Object[] { participantId.substring(0, Math.min(8, participantId.length())) },
				LocaleContextHolder.getLocale());
	}

	private Map<String, JsonNode> alerts(String project) {
		Map<String, JsonNode> byParticipant = new HashMap<>();
		try {
			this.apis.progress()
				.get()
				.uri("/api/projects/{id}/alerts", project)
				.retrieve()
				.body(JsonNode.class)
				.forEach((alert) -> byParticipant.putIfAbsent(alert.path("participantId").asString(), alert));
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			// the list still shows dates due; alerts are an extra
		}
		return byParticipant;
	}

	private static @Nullable LocalDate date(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? LocalDate.parse(value.asString()) : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private String message(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, null, key, locale);
	}

}
