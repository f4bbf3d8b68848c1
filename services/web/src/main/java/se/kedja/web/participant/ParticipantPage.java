package se.kedja.web.participant;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.ResourceAccessException;

import se.kedja.web.clients.ServiceProblem;

/** A participant's case for the coach: who is responsible, the plan, the timeline. */
@Controller
class ParticipantPage {

	private final CaseData data;

	ParticipantPage(CaseData data) {
		this.data = data;
	}

	/** One line of the timeline. */
	record Entry(long sequence, String type, String label, String businessDate, String recordedAt, String recordedBy,
			String summary, @Nullable String correctionReason) {
	}

	@GetMapping("/participants/{participant}")
	String show(@PathVariable String participant, Model model) {
		JsonNode view = this.data.caseView(participant);
		JsonNode definition = this.data.definition(view.path("projectId").asString());
		List<JsonNode> history = List.of();
		boolean historyUnavailable = false;
		try {
			history = this.data.history(participant);
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			historyUnavailable = true;
		}
		List<Entry> timeline = new ArrayList<>();
		for (JsonNode event : history) {
			JsonNode correction = event.get("correction");
			timeline.add(new Entry(event.path("sequence").asLong(), event.path("type").asString(),
					this.data.eventLabel(event.path("type").asString()), event.path("businessDate").asString(""),
					event.path("recordedAt").asString(""), event.path("recordedBy").asString(""),
					summary(event.path("payload")),
					(correction != null && !correction.isNull()) ? correction.path("reason").asString() : null));
		}
		model.addAttribute("case", view);
		model.addAttribute("person", view.path("person"));
		model.addAttribute("projectName", definition.path("name").asString(view.path("projectId").asString()));
		model.addAttribute("siteName", CaseData.name(definition, "sites", "id", text(view, "siteId")));
		model.addAttribute("responsibleName",
				CaseData.name(definition, "responsibleActors", "id", text(view, "responsibleActor")));
		model.addAttribute("statusLabel", this.data.label("CaseStatus", view.path("status").asString("ACTIVE")));
		model.addAttribute("timeline", timeline.reversed());
		model.addAttribute("historyUnavailable", historyUnavailable);
		model.addAttribute("plan", plan(CaseData.latestPlan(history), definition));
		model.addAttribute("forms", CaseForm.caseForms().stream().map(CaseForm::slug).toList());
		return "participant/page";
	}

	/** The plan in force as the page shows it. */
	record Plan(List<String> goals, List<String> activities, List<String> accessibility) {
	}

	private @Nullable Plan plan(@Nullable JsonNode plan, JsonNode definition) {
		if (plan == null) {
			return null;
		}
		List<String> goals = new ArrayList<>();
		plan.path("goals")
			.forEach((goal) -> goals.add(goal.path("key").asString() + " ("
					+ this.data.label("PlanGoalArea", goal.path("area").asString("OTHER")) + ")"));
		List<String> activities = new ArrayList<>();
		plan.path("plannedActivities").forEach((activity) -> {
			String provider = text(activity, "provider");
			activities
				.add(this.data.label("ActivityType", activity.path("type").asString("INDIVIDUAL")) + ((provider != null)
						? ", " + CaseData.name(definition, "responsibleActors", "id", provider) : ""));
		});
		List<String> accessibility = new ArrayList<>();
		plan.path("accessibilityNeeds")
			.forEach((need) -> accessibility
				.add(this.data.label("AccessibilityArea", need.path("area").asString("PHYSICAL")) + ": "
						+ this.data.label("Adapted", need.path("adapted").asBoolean() ? "TRUE" : "FALSE")));
		return new Plan(goals, activities, accessibility);
	}

	private static String summary(JsonNode payload) {
		List<String> parts = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> fields = payload.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().equals("participantId") || field.getValue().isNull()) {
				continue;
			}
			JsonNode value = field.getValue();
			String shown = value.isValueNode() ? value.asString() : value.toString();
			parts.add(field.getKey() + ": " + shown);
		}
		return String.join("; ", parts);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

}
