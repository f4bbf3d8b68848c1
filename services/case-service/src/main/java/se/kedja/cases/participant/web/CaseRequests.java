package se.kedja.cases.participant.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import se.kedja.events.ActivityType;
import se.kedja.events.EntrySituation;
import se.kedja.events.ExitOutcome;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.cases.AccessibilityNeed;
import se.kedja.events.cases.ExitReason;
import se.kedja.events.cases.GoalProgress;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.PauseReason;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.ReferralPurpose;
import se.kedja.events.cases.TransferRejectionReason;

/** The bodies coaches send; ids are plain strings on the wire. */
final class CaseRequests {

	private CaseRequests() {
	}

	record Enrol(@NotBlank @Size(max = 200) String name, @NotBlank String personnummer,
			@Nullable @Email @Size(max = 200) String email, @Nullable @Size(max = 50) String phone,
			@Nullable @Size(max = 500) String address, @NotBlank String siteId, @NotBlank String coachId,
			@NotBlank String responsibleActor, @NotNull LocalDate enrolledOn, @NotNull Gender gender,
			@NotBlank String municipality, @NotNull List<String> targetGroups,
			@NotNull List<EntrySituation> entrySituations, @NotNull @PositiveOrZero Integer monthsWithoutWork,
			@NotNull IscedBand isced, @Nullable Boolean disability, @Nullable Boolean foreignBackground,
			@NotNull Boolean consentToStatistics) {
	}

	record PlannedActivityRequest(@NotNull ActivityType type, @Nullable String provider) {
	}

	record Plan(@NotNull LocalDate agreedOn, @NotNull List<@Valid PlanGoal> goals,
			@NotNull List<@Valid PlannedActivityRequest> plannedActivities,
			@NotNull List<@Valid AccessibilityNeed> accessibilityNeeds, @Nullable List<String> agreedWith,
			@Nullable Boolean revision) {
	}

	record Activity(@Nullable UUID activityId, @NotNull ActivityType type, @NotNull LocalDate startedOn,
			@Nullable String provider, @Nullable List<String> actorsTakingPart) {
	}

	record ActivityCompletion(@NotNull LocalDate completedOn, @NotNull Boolean asPlanned) {
	}

	record FollowUp(@NotNull LocalDate heldOn, @NotNull List<@Valid GoalProgress> progress,
			@NotNull Boolean accessibilityReviewed, @NotNull OwnAssessment ownAssessment) {
	}

	record Referral(@NotNull LocalDate referredOn, @NotBlank String to, @NotNull ReferralPurpose purpose,
			@Nullable String consentOverrideReason) {
	}

	record Transfer(@Nullable UUID transferId, @NotNull LocalDate requestedOn, @NotBlank String to,
			@Nullable String consentOverrideReason) {
	}

	record TransferAcceptance(@NotNull LocalDate acceptedOn) {
	}

	record TransferRejection(@NotNull LocalDate rejectedOn, @NotNull TransferRejectionReason reason) {
	}

	record Consent(@NotNull LocalDate givenOn, @NotNull @Size(min = 1) List<String> actors) {
	}

	record ConsentWithdrawal(@NotNull LocalDate withdrawnOn, @NotNull @Size(min = 1) List<String> actors) {
	}

	record Pause(@NotNull LocalDate pausedOn, @NotNull PauseReason reason) {
	}

	record Resumption(@NotNull LocalDate resumedOn) {
	}

	record Exit(@NotNull LocalDate exitedOn, @NotNull ExitReason reason, @NotNull ExitOutcome outcome) {
	}

	record PostExitFollowUp(@NotNull @Positive Integer daysAfterExit, @NotNull LocalDate followedUpOn,
			@NotNull ExitOutcome status) {
	}

	record SurveyAnswer(@NotNull LocalDate answeredOn, @NotBlank String questionKey, @NotBlank String answer) {
	}

	record Correction(@NotNull UUID corrects, @NotNull @Size(min = 1) Map<String, String> correctedValues,
			@NotNull LocalDate correctedOn, @NotBlank String reason) {
	}

	record Erasure(@Nullable LocalDate erasedOn) {
	}

}
