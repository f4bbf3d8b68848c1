package se.kedja.web.participant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.kedja.web.clients.Json;
import se.kedja.web.clients.KedjaApis;
import se.kedja.web.participant.FormField.Source;

/** What the coach's pages read: the case, its project's definition and its history. */
@Component
class CaseData {

	/** Why a coach reads a case's history; recorded in the audit access log. */
	static final String CASE_WORK = "case work (coach)";

	private final KedjaApis apis;

	private final MessageSource messages;

	CaseData(KedjaApis apis, MessageSource messages) {
		this.apis = apis;
		this.messages = messages;
	}

	JsonNode caseView(String participant) {
		return this.apis.cases().get().uri("/api/participants/{id}", participant).retrieve().body(JsonNode.class);
	}

	JsonNode definition(String project) {
		return this.apis.cases()
			.get()
			.uri("/api/projects/{id}", project)
			.retrieve()
			.body(JsonNode.class)
			.path("definition");
	}

	List<JsonNode> history(String participant) {
		JsonNode page = this.apis.audit()
			.get()
			.uri("/api/participants/{id}/history?size=1000", participant)
			.header("X-Kedja-Purpose", CASE_WORK)
			.retrieve()
			.body(JsonNode.class);
		List<JsonNode> events = new ArrayList<>();
		page.path("events").forEach(events::add);
		return events;
	}

	static @Nullable JsonNode latestPlan(List<JsonNode> history) {
		JsonNode plan = null;
		for (JsonNode event : history) {
			String type = event.path("type").asString("");
			if (type.equals("plan-agreed") || type.equals("plan-revised")) {
				plan = event.path("payload");
			}
		}
		return plan;
	}

	static String name(JsonNode definition, String list, String idField, @Nullable String id) {
		if (id == null) {
			return "–";
		}
		for (JsonNode item : definition.path(list)) {
			if (id.equals(Json.text(item.path(idField)))) {
				return item.path("name").asString(id);
			}
		}
		return id;
	}

	Map<String, List<Option>> options(CaseForm form, JsonNode definition, List<JsonNode> history) {
		Map<String, List<Option>> options = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			if (field.enumType() != null) {
				options.put(field.name(), enumOptions(field.enumType()));
			}
			else if (field.source() != null) {
				options.put(field.name(), sourceOptions(field.source(), definition, history));
			}
		}
		return options;
	}

	private List<Option> enumOptions(Class<? extends Enum<?>> type) {
		List<Option> options = new ArrayList<>();
		for (Enum<?> constant : type.getEnumConstants()) {
			options.add(new Option(constant.name(), label(type.getSimpleName(), constant.name())));
		}
		return options;
	}

	String label(String type, String value) {
		String fallback = value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
		return this.messages.getMessage("enum." + type + "." + value, null, fallback, LocaleContextHolder.getLocale());
	}

	private List<Option> sourceOptions(Source source, JsonNode definition, List<JsonNode> history) {
		List<Option> options = new ArrayList<>();
		switch (source) {
			case SITES -> definition.path("sites")
				.forEach((site) -> options.add(new Option(Json.text(site.path("id")), site.path("name").asString())));
			case ACTORS -> definition.path("responsibleActors")
				.forEach(
						(actor) -> options.add(new Option(Json.text(actor.path("id")), actor.path("name").asString())));
			case TARGET_GROUPS -> definition.path("targetGroups")
				.forEach((group) -> options
					.add(new Option(group.path("key").asString(), group.path("name").asString())));
			case PLAN_GOALS -> {
				JsonNode plan = latestPlan(history);
				if (plan != null) {
					plan.path("goals")
						.forEach((goal) -> options
							.add(new Option(goal.path("key").asString(), goal.path("key").asString() + " ("
									+ label("PlanGoalArea", goal.path("area").asString("OTHER")) + ")")));
				}
			}
			case EVENTS -> history.stream()
				.filter((event) -> !event.path("type").asString("").equals("correction-recorded"))
				.forEach((event) -> options.add(new Option(event.path("eventId").asString(),
						event.path("sequence").asLong() + ". " + eventLabel(event.path("type").asString()) + ", "
								+ event.path("businessDate").asString(""))));
			case PENDING_TRANSFERS -> {
				Set<String> settled = new HashSet<>();
				history.stream()
					.filter((event) -> event.path("type").asString("").matches("transfer-(accepted|rejected)"))
					.forEach((event) -> settled.add(event.path("payload").path("transferId").asString()));
				history.stream()
					.filter((event) -> event.path("type").asString("").equals("transfer-requested"))
					.map((event) -> event.path("payload"))
					.filter((transfer) -> !settled.contains(transfer.path("transferId").asString()))
					.forEach((transfer) -> options.add(new Option(transfer.path("transferId").asString(),
							name(definition, "responsibleActors", "id", transfer.path("to").asString()) + ", "
									+ transfer.path("requestedOn").asString(""))));
			}
		}
		return options;
	}

	String eventLabel(String type) {
		return this.messages.getMessage("event." + type, null, type, LocaleContextHolder.getLocale());
	}

}
