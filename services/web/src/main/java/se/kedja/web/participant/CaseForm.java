package se.kedja.web.participant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import se.kedja.events.ActivityType;
import se.kedja.events.EntrySituation;
import se.kedja.events.ExitOutcome;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.cases.AccessibilityArea;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.PauseReason;
import se.kedja.events.cases.PlanGoalArea;
import se.kedja.events.cases.ProgressLevel;
import se.kedja.events.cases.ReferralPurpose;
import se.kedja.events.cases.TransferRejectionReason;
import se.kedja.web.participant.FormField.Kind;
import se.kedja.web.participant.FormField.Source;

import static se.kedja.web.participant.FormField.choice;
import static se.kedja.web.participant.FormField.many;
import static se.kedja.web.participant.FormField.of;
import static se.kedja.web.participant.FormPart.rows;

/**
 * The coach's forms, each the mirror of one case-service request: the path it posts to
 * and its fields. The page is built from this; the service decides what is valid.
 */
enum CaseForm {

	ENROL("enrol", "/api/projects/{project}/participants",
			parts(of("name", Kind.TEXT), of("personnummer", Kind.TEXT), of("email", Kind.TEXT).optional(),
					of("phone", Kind.TEXT).optional(), of("address", Kind.TEXTAREA).optional(),
					choice("siteId", Source.SITES), of("coachId", Kind.TEXT), choice("responsibleActor", Source.ACTORS),
					of("enrolledOn", Kind.DATE), choice("gender", Gender.class), of("municipality", Kind.TEXT),
					many("targetGroups", Source.TARGET_GROUPS).optional(),
					many("entrySituations", EntrySituation.class).optional(), of("monthsWithoutWork", Kind.NUMBER),
					choice("isced", IscedBand.class), of("disability", Kind.CHECKBOX).optional(),
					of("foreignBackground", Kind.CHECKBOX).optional(), of("consentToStatistics", Kind.YES_NO))),

	PLAN("plan", "/plan",
			concat(parts(of("agreedOn", Kind.DATE)),
					rows("goals", 3, of("key", Kind.TEXT), choice("area", PlanGoalArea.class)),
					rows("plannedActivities", 3, choice("type", ActivityType.class), choice("provider", Source.ACTORS)),
					rows("accessibilityNeeds", 3, choice("area", AccessibilityArea.class),
							of("adapted", Kind.CHECKBOX)),
					parts(many("agreedWith", Source.ACTORS).optional(), of("revision", Kind.CHECKBOX).optional()))),

	ACTIVITY("activity", "/activities",
			parts(choice("type", ActivityType.class), of("startedOn", Kind.DATE),
					choice("provider", Source.ACTORS).optional(), many("actorsTakingPart", Source.ACTORS).optional())),

	FOLLOW_UP("follow-up", "/follow-ups",
			concat(parts(of("heldOn", Kind.DATE)),
					rows("progress", 3, choice("goalKey", Source.PLAN_GOALS), choice("level", ProgressLevel.class)),
					parts(of("accessibilityReviewed", Kind.YES_NO), choice("ownAssessment", OwnAssessment.class)))),

	REFERRAL("referral", "/referrals",
			parts(of("referredOn", Kind.DATE), choice("to", Source.ACTORS), choice("purpose", ReferralPurpose.class),
					of("consentOverrideReason", Kind.TEXT).optional())),

	TRANSFER("transfer", "/transfers",
			parts(of("requestedOn", Kind.DATE), choice("to", Source.ACTORS),
					of("consentOverrideReason", Kind.TEXT).optional())),

	TRANSFER_ACCEPTANCE("transfer-acceptance", "/transfers/{transferId}/acceptance",
			parts(choice("transferId", Source.PENDING_TRANSFERS), of("acceptedOn", Kind.DATE))),

	TRANSFER_REJECTION("transfer-rejection", "/transfers/{transferId}/rejection",
			parts(choice("transferId", Source.PENDING_TRANSFERS), of("rejectedOn", Kind.DATE),
					choice("reason", TransferRejectionReason.class))),

	CONSENT("consent", "/consents", parts(of("givenOn", Kind.DATE), many("actors", Source.ACTORS))),

	PAUSE("pause", "/pauses", parts(of("pausedOn", Kind.DATE), choice("reason", PauseReason.class))),

	RESUMPTION("resumption", "/resumptions", parts(of("resumedOn", Kind.DATE))),

	EXIT("exit", "/exit",
			parts(of("exitedOn", Kind.DATE), choice("reason", ExitReason.class), choice("outcome", ExitOutcome.class))),

	POST_EXIT_FOLLOW_UP("post-exit-follow-up", "/post-exit-follow-ups",
			parts(of("daysAfterExit", Kind.NUMBER).withDefault("90"), of("followedUpOn", Kind.DATE),
					choice("status", ExitOutcome.class))),

	SURVEY_ANSWER("survey-answer", "/survey-answers",
			parts(of("answeredOn", Kind.DATE), of("questionKey", Kind.TEXT).withDefault("chances-of-work-increased"),
					of("answer", Kind.TEXT))),

	CORRECTION("correction", "/corrections", parts(choice("corrects", Source.EVENTS),
			of("correctedValues", Kind.KEY_VALUES), of("correctedOn", Kind.DATE), of("reason", Kind.TEXT)));

	private final String slug;

	private final String path;

	private final List<FormPart> parts;

	CaseForm(String slug, String path, List<FormPart> parts) {
		this.slug = slug;
		this.path = path;
		this.parts = parts;
	}

	static Optional<CaseForm> bySlug(String slug) {
		return Arrays.stream(values()).filter((form) -> form.slug.equals(slug) && form != ENROL).findFirst();
	}

	/** The forms offered on a participant's page, in the order of a case's life. */
	static List<CaseForm> caseForms() {
		return Arrays.stream(values()).filter((form) -> form != ENROL).toList();
	}

	public String slug() {
		return this.slug;
	}

	String path() {
		return this.path;
	}

	List<FormPart> parts() {
		return this.parts;
	}

	List<FormField> fields() {
		return this.parts.stream().flatMap((part) -> part.fields().stream()).toList();
	}

	boolean needs(Source source) {
		return fields().stream().anyMatch((field) -> field.source() == source);
	}

	private static List<FormPart> parts(FormField... fields) {
		return Arrays.stream(fields).map(FormPart::single).toList();
	}

	@SafeVarargs
	private static List<FormPart> concat(List<FormPart>... lists) {
		List<FormPart> all = new ArrayList<>();
		Stream.of(lists).forEach(all::addAll);
		return all;
	}

}
