package se.kedja.cases.imports;

import java.util.Arrays;
import java.util.Optional;

import se.kedja.cases.participant.web.CaseRequests;

/**
 * The commands a line may give: each the request a coach would send, the record its
 * fields are read into and the field that holds its business date.
 */
enum ImportCommand {

	ENROL("enrol", CaseRequests.Enrol.class, "enrolledOn"), PLAN("plan", CaseRequests.Plan.class, "agreedOn"),
	ACTIVITY("activity", CaseRequests.Activity.class, "startedOn"),
	ACTIVITY_COMPLETION("activity-completion", CaseRequests.ActivityCompletion.class, "completedOn"),
	FOLLOW_UP("follow-up", CaseRequests.FollowUp.class, "heldOn"),
	REFERRAL("referral", CaseRequests.Referral.class, "referredOn"),
	TRANSFER("transfer", CaseRequests.Transfer.class, "requestedOn"),
	TRANSFER_ACCEPTANCE("transfer-acceptance", CaseRequests.TransferAcceptance.class, "acceptedOn"),
	TRANSFER_REJECTION("transfer-rejection", CaseRequests.TransferRejection.class, "rejectedOn"),
	CONSENT("consent", CaseRequests.Consent.class, "givenOn"),
	CONSENT_WITHDRAWAL("consent-withdrawal", CaseRequests.ConsentWithdrawal.class, "withdrawnOn"),
	PAUSE("pause", CaseRequests.Pause.class, "pausedOn"),
	RESUMPTION("resumption", CaseRequests.Resumption.class, "resumedOn"),
	EXIT("exit", CaseRequests.Exit.class, "exitedOn"),
	POST_EXIT_FOLLOW_UP("post-exit-follow-up", CaseRequests.PostExitFollowUp.class, "followedUpOn"),
	SURVEY_ANSWER("survey-answer", CaseRequests.SurveyAnswer.class, "answeredOn");

	private final String wireName;

	private final Class<? extends Record> request;

	private final String dateField;

	ImportCommand(String wireName, Class<? extends Record> request, String dateField) {
		this.wireName = wireName;
		this.request = request;
		this.dateField = dateField;
	}

	String wireName() {
		return this.wireName;
	}

	Class<? extends Record> request() {
		return this.request;
	}

	String dateField() {
		return this.dateField;
	}

	static Optional<ImportCommand> named(String name) {
		return Arrays.stream(values()).filter((c) -> c.wireName.equals(name.strip())).findFirst();
	}

}
