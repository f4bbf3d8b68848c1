package se.kedja.progress.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The participant read model: what is known about one case, folded from its events. The
 * goal engine counts these; the alerts look for gaps in them. Values of enumerations are
 * kept as the event contract's constant names ({@code FEMALE}, {@code EMPLOYMENT}).
 */
public record Participant(String participantId, String projectId, @Nullable String site, @Nullable String coach,
		String gender, @Nullable Integer birthYear, @Nullable String municipality, List<String> targetGroups,
		List<String> entrySituations, @Nullable String isced, LocalDate enrolledOn, @Nullable LocalDate exitedOn,
		@Nullable String exitReason, @Nullable String outcome, Map<Integer, String> postExitStatus, boolean paused,
		@Nullable String responsibleActor, @Nullable LocalDate pendingTransferSince, @Nullable LocalDate lastFollowUpOn,
		@Nullable LocalDate planAgreedOn, int plans, int plansAccessibilityReviewed, int followUps,
		int followUpsAccessibilityReviewed, List<LocalDate> followUpsNotReviewedOn, Set<String> activitiesStarted,
		Set<String> activitiesCompleted, Map<String, String> surveyAnswers, boolean planDeadlineMissed,
		boolean postExitFollowUpDeadlineMissed, boolean erased, @Nullable Integer monthsWithoutWork,
		@Nullable Boolean disability, @Nullable Boolean foreignBackground, @Nullable Boolean consentToStatistics) {

	public Participant {
		targetGroups = List.copyOf(targetGroups);
		entrySituations = List.copyOf(entrySituations);
		// a state stored before this field existed reads it as null
		followUpsNotReviewedOn = (followUpsNotReviewedOn != null) ? List.copyOf(followUpsNotReviewedOn) : List.of();
		postExitStatus = Map.copyOf(postExitStatus);
		activitiesStarted = Set.copyOf(activitiesStarted);
		activitiesCompleted = Set.copyOf(activitiesCompleted);
		surveyAnswers = Map.copyOf(surveyAnswers);
	}

	/** ESF age bands, by age in the year of enrolment. */
	public String ageBand() {
		if (this.birthYear == null) {
			return "UNKNOWN";
		}
		int age = this.enrolledOn.getYear() - this.birthYear;
		if (age < 25) {
			return "UNDER_25";
		}
		return (age <= 54) ? "25_54" : "55_PLUS";
	}

	public boolean activeOn(LocalDate day) {
		return !day.isBefore(this.enrolledOn) && (this.exitedOn == null || !day.isAfter(this.exitedOn));
	}

	public boolean exited() {
		return this.exitedOn != null;
	}

	public boolean accessibilityReviewedEverywhere() {
		return this.plansAccessibilityReviewed == this.plans && this.followUpsAccessibilityReviewed == this.followUps;
	}

	/** A participant under change while an event is applied: the fold's scratch pad. */
	static final class Draft {

		String participantId;

		String projectId;

		@Nullable String site;

		@Nullable String coach;

		String gender;

		@Nullable Integer birthYear;

		@Nullable String municipality;

		List<String> targetGroups;

		List<String> entrySituations;

		@Nullable String isced;

		LocalDate enrolledOn;

		@Nullable LocalDate exitedOn;

		@Nullable String exitReason;

		@Nullable String outcome;

		Map<Integer, String> postExitStatus;

		boolean paused;

		@Nullable String responsibleActor;

		@Nullable LocalDate pendingTransferSince;

		@Nullable LocalDate lastFollowUpOn;

		@Nullable LocalDate planAgreedOn;

		int plans;

		int plansAccessibilityReviewed;

		int followUps;

		int followUpsAccessibilityReviewed;

		List<LocalDate> followUpsNotReviewedOn;

		Set<String> activitiesStarted;

		Set<String> activitiesCompleted;

		Map<String, String> surveyAnswers;

		boolean planDeadlineMissed;

		boolean postExitFollowUpDeadlineMissed;

		boolean erased;

		@Nullable Integer monthsWithoutWork;

		@Nullable Boolean disability;

		@Nullable Boolean foreignBackground;

		@Nullable Boolean consentToStatistics;

		final Map<String, String> activityTypes = new HashMap<>();

		Draft(String participantId, String projectId, String gender, LocalDate enrolledOn) {
			this.participantId = participantId;
			this.projectId = projectId;
			this.gender = gender;
			this.enrolledOn = enrolledOn;
			this.targetGroups = new ArrayList<>();
			this.entrySituations = new ArrayList<>();
			this.followUpsNotReviewedOn = new ArrayList<>();
			this.postExitStatus = new TreeMap<>();
			this.activitiesStarted = new HashSet<>();
			this.activitiesCompleted = new HashSet<>();
			this.surveyAnswers = new TreeMap<>();
		}

		Participant build() {
			return new Participant(this.participantId, this.projectId, this.site, this.coach, this.gender,
					this.birthYear, this.municipality, this.targetGroups, this.entrySituations, this.isced,
					this.enrolledOn, this.exitedOn, this.exitReason, this.outcome, this.postExitStatus, this.paused,
					this.responsibleActor, this.pendingTransferSince, this.lastFollowUpOn, this.planAgreedOn,
					this.plans, this.plansAccessibilityReviewed, this.followUps, this.followUpsAccessibilityReviewed,
					this.followUpsNotReviewedOn.stream().sorted().toList(), this.activitiesStarted,
					this.activitiesCompleted, this.surveyAnswers, this.planDeadlineMissed,
					this.postExitFollowUpDeadlineMissed, this.erased, this.monthsWithoutWork, this.disability,
					this.foreignBackground, this.consentToStatistics);
		}

	}

}
