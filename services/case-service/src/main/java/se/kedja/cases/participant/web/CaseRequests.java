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

/**
 * The bodies coaches send; ids are plain strings on the wire. Public because a bulk
 * import reads each of its lines into the same records and validates them the same way.
 */
public final class CaseRequests {

	private CaseRequests() {
	}

	public record Enrol(@NotBlank @Size(max = 200) String name, @NotBlank String personnummer,
			@Nullable @Email @Size(max = 200) String email, @Nullable @Size(max = 50) String phone,
			@Nullable @Size(max = 500) String address, @NotBlank String siteId, @NotBlank String coachId,
			@NotBlank String responsibleActor, @NotNull LocalDate enrolledOn, @NotNull Gender gender,
			@NotBlank String municipality, @NotNull List<String> targetGroups,
			@NotNull List<EntrySituation> entrySituations, @NotNull @PositiveOrZero Integer monthsWithoutWork,
			@NotNull IscedBand isced, @Nullable Boolean disability, @Nullable Boolean foreignBackground,
			@NotNull Boolean consentToStatistics) {
	}

	public record PlannedActivityRequest(@NotNull ActivityType type, @Nullable String provider) {
	}

	public record Plan(@NotNull LocalDate agreedOn, @NotNull List<@Valid PlanGoal> goals,
			@NotNull List<@Valid PlannedActivityRequest> plannedActivities,
			@NotNull List<@Valid AccessibilityNeed> accessibilityNeeds, @Nullable List<String> agreedWith,
			@Nullable Boolean revision) {
	}

	public record Activity(@Nullable UUID activityId, @NotNull ActivityType type, @NotNull LocalDate startedOn,
			@Nullable String provider, @Nullable List<String> actorsTakingPart) {
	}

	public record ActivityCompletion(@NotNull LocalDate completedOn, @NotNull Boolean asPlanned) {
	}

	public record FollowUp(@NotNull LocalDate heldOn, @NotNull List<@Valid GoalProgress> progress,
			@NotNull Boolean accessibilityReviewed, @NotNull OwnAssessment ownAssessment) {
	}

	public record Referral(@NotNull LocalDate referredOn, @NotBlank String to, @NotNull ReferralPurpose purpose,
			@Nullable String consentOverrideReason) {
	}

	public record Transfer(@Nullable UUID transferId, @NotNull LocalDate requestedOn, @NotBlank String to,
			@Nullable String consentOverrideReason) {
	}

	public record TransferAcceptance(@NotNull LocalDate acceptedOn) {
	}

	public record TransferRejection(@NotNull LocalDate rejectedOn, @NotNull TransferRejectionReason reason) {
	}

	public record Consent(@NotNull LocalDate givenOn, @NotNull @Size(min = 1) List<String> actors) {
	}

	public record ConsentWithdrawal(@NotNull LocalDate withdrawnOn, @NotNull @Size(min = 1) List<String> actors) {
	}

	public record Pause(@NotNull LocalDate pausedOn, @NotNull PauseReason reason) {
	}

	public record Resumption(@NotNull LocalDate resumedOn) {
	}

	public record Exit(@NotNull LocalDate exitedOn, @NotNull ExitReason reason, @NotNull ExitOutcome outcome) {
	}

	public record PostExitFollowUp(@NotNull @Positive Integer daysAfterExit, @NotNull LocalDate followedUpOn,
			@NotNull ExitOutcome status) {
	}

	public record SurveyAnswer(@NotNull LocalDate answeredOn, @NotBlank String questionKey, @NotBlank String answer) {
	}

	public record Correction(@NotNull UUID corrects, @NotNull @Size(min = 1) Map<String, String> correctedValues,
			@NotNull LocalDate correctedOn, @NotBlank String reason) {
	}

	public record Erasure(@Nullable LocalDate erasedOn) {
	}

}
