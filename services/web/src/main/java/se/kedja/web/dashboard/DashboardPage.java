package se.kedja.web.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;

import se.kedja.web.clients.KedjaApis;
import se.kedja.web.i18n.Formats;
import se.kedja.web.clients.ServiceProblem;

/**
 * The manager's view of a project: every goal's actual against its target, its status in
 * words, the forecast, breakdowns as tables and bars, the alerts, and figures that update
 * by themselves (see {@link ProgressRelay}).
 */
@Controller
class DashboardPage {

	private final KedjaApis apis;

	private final MessageSource messages;

	private final Formats formats;

	DashboardPage(KedjaApis apis, MessageSource messages, Formats formats) {
		this.apis = apis;
		this.messages = messages;
		this.formats = formats;
	}

	/** A goal as the page shows it; only quality goals have exceptions. */
	record Goal(String id, String title, String unit, double actual, @Nullable Double target, String targetText,
			String status, @Nullable Double forecast, long met, long of, long pending, List<Breakdown> breakdowns,
			Bars bars, @Nullable String problem, @Nullable Exceptions exceptions) {

		public String chartLabel(MessageSource messages, Formats formats) {
			return messages.getMessage("dashboard.chart.label",
					new Object[] { this.title, formats.number(this.actual), this.targetText },
					LocaleContextHolder.getLocale());
		}

	}

	/** One dimension of a goal, e.g. gender. */
	record Breakdown(String dimension, List<Bucket> buckets, Bars bars) {
	}

	/**
	 * One value of a dimension: {@code name} as progress-service sends it, {@code label}
	 * in words.
	 */
	record Bucket(String name, String label, double actual, long met, long of, long pending) {
	}

	/**
	 * Where the words for a dimension's values are: the event contract's codes (FEMALE,
	 * 55_PLUS, FAS3) are shown as the forms show them; sites, municipalities and target
	 * groups are the project's own names and are shown as they are.
	 */
	private static final Map<String, String> VALUE_MESSAGES = Map.of("gender", "enum.Gender.", "entrySituation",
			"enum.EntrySituation.", "isced", "enum.IscedBand.", "outcome", "enum.ExitOutcome.", "ageBand",
			"dashboard.ageBand.");

	/**
	 * The cases that break a quality goal's rule: how many there are, and the first of
	 * them as progress-service lists them (oldest first).
	 */
	record Exceptions(long count, List<ExceptionCase> cases) {

		public boolean partial() {
			return this.count > this.cases.size();
		}

	}

	/**
	 * One case that breaks the rule, named only by its pseudonymous id; {@code detail} is
	 * progress-service's English wording, shown only for a reason this page does not
	 * know.
	 */
	record ExceptionCase(String participantId, String reason, @Nullable LocalDate date, String detail) {

		public String shortId() {
			return this.participantId.substring(0, Math.min(8, this.participantId.length()));
		}

	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable String project,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			Model model) {
		JsonNode projects = this.apis.progress().get().uri("/api/projects").retrieve().body(JsonNode.class);
		List<Map.Entry<String, String>> choices = new ArrayList<>();
		projects.forEach((p) -> choices.add(Map.entry(p.path("id").asString(), p.path("name").asString())));
		String chosen = (project != null && !project.isBlank()) ? project
				: choices.isEmpty() ? null : choices.get(0).getKey();
		model.addAttribute("projects", choices);
		model.addAttribute("project", chosen);
		model.addAttribute("asOf", asOf);
		if (chosen != null) {
			figures(chosen, asOf, model);
			model.addAttribute("alerts", alerts(chosen));
		}
		return "dashboard/dashboard";
	}

	@GetMapping("/dashboard/{project}/figures")
	String figures(@PathVariable String project, Model model) {
		figures(project, null, model);
		return "dashboard/dashboard :: figures";
	}

	private void figures(String project, @Nullable LocalDate asOf, Model model) {
		JsonNode progress = this.apis.progress()
			.get()
			.uri((asOf != null) ? "/api/projects/{id}/progress?asOf=" + asOf : "/api/projects/{id}/progress", project)
			.retrieve()
			.body(JsonNode.class);
		List<Goal> goals = new ArrayList<>();
		progress.path("goals").forEach((goal) -> goals.add(goal(goal)));
		model.addAttribute("progress", progress);
		model.addAttribute("goals", goals);
		model.addAttribute("chartLabels",
				goals.stream().map((g) -> g.chartLabel(this.messages, this.formats)).toList());
		model.addAttribute("project", project);
	}

	private Goal goal(JsonNode goal) {
		Formats formats = this.formats;
		JsonNode target = goal.path("target");
		Double targetValue = number(target, "atLeast");
		String targetText;
		if (targetValue != null) {
			targetText = "≥ " + formats.number(target.path("atLeast").asLong());
		}
		else if (number(target, "percent") != null) {
			targetValue = target.path("percent").asDouble();
			targetText = "≥ " + formats.number(targetValue) + " %";
		}
		else if (number(target, "min") != null || number(target, "max") != null) {
			targetValue = number(target, "max");
			targetText = formats.number(number(target, "min")) + "–" + formats.number(targetValue);
		}
		else {
			targetText = "–";
		}
		List<Breakdown> breakdowns = new ArrayList<>();
		for (Map.Entry<String, JsonNode> dimension : goal.path("breakdowns").properties()) {
			List<Bucket> buckets = new ArrayList<>();
			dimension.getValue()
				.forEach((b) -> buckets.add(new Bucket(b.path("bucket").asString(),
						valueLabel(dimension.getKey(), b.path("bucket").asString()), b.path("actual").asDouble(),
						b.path("met").asLong(), b.path("of").asLong(), b.path("pending").asLong())));
			breakdowns.add(new Breakdown(dimension.getKey(), buckets,
					Bars.of(buckets.stream().map((b) -> Map.entry(b.label(), b.actual())).toList(), null)));
		}
		double actual = goal.path("actual").asDouble();
		JsonNode forecast = goal.get("forecast");
		return new Goal(goal.path("id").asString(), goal.path("title").asString(), goal.path("unit").asString(""),
				actual, targetValue, targetText, goal.path("status").asString("invalid"),
				(forecast != null && !forecast.isNull()) ? forecast.asDouble() : null, goal.path("met").asLong(),
				goal.path("of").asLong(), goal.path("pending").asLong(), breakdowns,
				Bars.of(List.of(Map.entry("actual", actual)), targetValue),
				goal.path("problem").isNull() ? null : goal.path("problem").asString(null),
				exceptions(goal.path("exceptions")));
	}

	private String valueLabel(String dimension, String value) {
		String prefix = VALUE_MESSAGES.get(dimension);
		if (prefix == null) {
			return value;
		}
		return this.messages.getMessage(prefix + value, null, value, LocaleContextHolder.getLocale());
	}

	private static @Nullable Exceptions exceptions(JsonNode exceptions) {
		if (!exceptions.isObject()) {
			return null;
		}
		List<ExceptionCase> cases = new ArrayList<>();
		exceptions.path("cases")
			.forEach((c) -> cases
				.add(new ExceptionCase(c.path("participantId").asString(), c.path("reason").asString(""),
						c.path("date").isString() ? LocalDate.parse(c.path("date").asString()) : null,
						c.path("detail").asString(""))));
		return new Exceptions(exceptions.path("count").asLong(cases.size()), cases);
	}

	private List<JsonNode> alerts(String project) {
		List<JsonNode> alerts = new ArrayList<>();
		try {
			this.apis.progress()
				.get()
				.uri("/api/projects/{id}/alerts", project)
				.retrieve()
				.body(JsonNode.class)
				.forEach(alerts::add);
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			// the figures still show; the page says alerts are unavailable
			return null;
		}
		return alerts;
	}

	private static @Nullable Double number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isNumber()) ? value.asDouble() : null;
	}

}
