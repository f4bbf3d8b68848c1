package se.kedja.audit.replay;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ParticipantId;
import se.kedja.events.cases.ParticipantEnrolled;

/**
 * A case as an auditor reads it: what the funder's statistics and the plan rest on. Built
 * only by {@link CaseReplay}; {@link #fields()} is the flat view that corrections are
 * compared in.
 */
public record CaseState(ParticipantId participantId, Status status, @Nullable ParticipantEnrolled enrolment,
		@Nullable LocalDate planAgreedOn, @Nullable LocalDate planRevisedOn, int planGoals,
		List<String> accessibilityNeeds, Map<String, String> openActivities, int activitiesCompleted, int followUps,
		@Nullable LocalDate lastFollowUpOn, @Nullable String responsibleActor, @Nullable String pendingTransferTo,
		List<String> consentedActors, @Nullable String pausedFor, @Nullable LocalDate exitedOn,
		@Nullable String exitReason, @Nullable String exitOutcome, Map<String, String> postExitOutcomes,
		Map<String, String> surveyAnswers, List<LocalDate> missedDeadlines, int correctionsApplied,
		boolean personalDataErased) {

	public enum Status {

		NOT_ENROLLED, ACTIVE, PAUSED, EXITED

	}

	static CaseState empty(ParticipantId participantId) {
		return new CaseState(participantId, Status.NOT_ENROLLED, null, null, null, 0, List.of(), Map.of(), 0, 0, null,
				null, null, List.of(), null, null, null, null, Map.of(), Map.of(), List.of(), 0, false);
	}

	/**
	 * Every field by name, as text, in name order: what a correction is shown to change.
	 */
	public SortedMap<String, String> fields() {
		SortedMap<String, String> fields = new TreeMap<>();
		fields.put("status", status.name());
		if (enrolment != null) {
			fields.put("projectId", enrolment.projectId().toString());
			fields.put("siteId", text(enrolment.siteId()));
			fields.put("coachId", text(enrolment.coachId()));
			fields.put("enrolledOn", text(enrolment.enrolledOn()));
			fields.put("gender", text(enrolment.gender()));
			fields.put("birthYear", text(enrolment.birthYear()));
			fields.put("municipality", text(enrolment.municipality()));
			fields.put("targetGroups", text(enrolment.targetGroups()));
			fields.put("entrySituations", text(enrolment.entrySituations()));
			fields.put("monthsWithoutWork", text(enrolment.monthsWithoutWork()));
			fields.put("isced", text(enrolment.isced()));
			fields.put("disability", text(enrolment.disability()));
			fields.put("foreignBackground", text(enrolment.foreignBackground()));
			fields.put("consentToStatistics", text(enrolment.consentToStatistics()));
		}
		fields.put("planAgreedOn", text(planAgreedOn));
		fields.put("planRevisedOn", text(planRevisedOn));
		fields.put("planGoals", text(planGoals));
		fields.put("accessibilityNeeds", text(accessibilityNeeds));
		fields.put("openActivities", text(openActivities));
		fields.put("activitiesCompleted", text(activitiesCompleted));
		fields.put("followUps", text(followUps));
		fields.put("lastFollowUpOn", text(lastFollowUpOn));
		fields.put("responsibleActor", text(responsibleActor));
		fields.put("pendingTransferTo", text(pendingTransferTo));
		fields.put("consentedActors", text(consentedActors));
		fields.put("pausedFor", text(pausedFor));
		fields.put("exitedOn", text(exitedOn));
		fields.put("exitReason", text(exitReason));
		fields.put("exitOutcome", text(exitOutcome));
		fields.put("postExitOutcomes", text(postExitOutcomes));
		fields.put("surveyAnswers", text(surveyAnswers));
		fields.put("missedDeadlines", text(missedDeadlines));
		fields.put("personalDataErased", text(personalDataErased));
		return fields;
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	/** The state being folded; never escapes {@link CaseReplay}. */
	static final class Builder {

		ParticipantId participantId;

		Status status;

		@Nullable ParticipantEnrolled enrolment;

		@Nullable LocalDate planAgreedOn;

		@Nullable LocalDate planRevisedOn;

		int planGoals;

		List<String> accessibilityNeeds;

		Map<String, String> openActivities;

		int activitiesCompleted;

		int followUps;

		@Nullable LocalDate lastFollowUpOn;

		@Nullable String responsibleActor;

		@Nullable String pendingTransferTo;

		List<String> consentedActors;

		@Nullable String pausedFor;

		@Nullable LocalDate exitedOn;

		@Nullable String exitReason;

		@Nullable String exitOutcome;

		Map<String, String> postExitOutcomes;

		Map<String, String> surveyAnswers;

		List<LocalDate> missedDeadlines;

		int correctionsApplied;

		boolean personalDataErased;

		Builder(CaseState state) {
			this.participantId = state.participantId;
			this.status = state.status;
			this.enrolment = state.enrolment;
			this.planAgreedOn = state.planAgreedOn;
			this.planRevisedOn = state.planRevisedOn;
			this.planGoals = state.planGoals;
			this.accessibilityNeeds = state.accessibilityNeeds;
			this.openActivities = state.openActivities;
			this.activitiesCompleted = state.activitiesCompleted;
			this.followUps = state.followUps;
			this.lastFollowUpOn = state.lastFollowUpOn;
			this.responsibleActor = state.responsibleActor;
			this.pendingTransferTo = state.pendingTransferTo;
			this.consentedActors = state.consentedActors;
			this.pausedFor = state.pausedFor;
			this.exitedOn = state.exitedOn;
			this.exitReason = state.exitReason;
			this.exitOutcome = state.exitOutcome;
			this.postExitOutcomes = state.postExitOutcomes;
			this.surveyAnswers = state.surveyAnswers;
			this.missedDeadlines = state.missedDeadlines;
			this.correctionsApplied = state.correctionsApplied;
			this.personalDataErased = state.personalDataErased;
		}

		private static Map<String, String> sorted(Map<String, String> map) {
			return Collections.unmodifiableSortedMap(new TreeMap<>(map));
		}

		CaseState build() {
			return new CaseState(participantId, status, enrolment, planAgreedOn, planRevisedOn, planGoals,
					List.copyOf(accessibilityNeeds), sorted(openActivities), activitiesCompleted, followUps,
					lastFollowUpOn, responsibleActor, pendingTransferTo, List.copyOf(consentedActors), pausedFor,
					exitedOn, exitReason, exitOutcome, sorted(postExitOutcomes), sorted(surveyAnswers),
					List.copyOf(missedDeadlines), correctionsApplied, personalDataErased);
		}

	}

}
