package se.kedja.demo.generate;

/**
 * The requests a history is made of, in the order they are sent when they fall on the
 * same day.
 */
enum Kind {

	ENROL("enrol"), CONSENT("consent"), PLAN("plan"), RESUMPTION("resumption"), ACTIVITY("activity"),
	FOLLOW_UP("follow-up"), REFERRAL("referral"), TRANSFER("transfer"), TRANSFER_ACCEPTANCE("transfer-acceptance"),
	TRANSFER_REJECTION("transfer-rejection"), ACTIVITY_COMPLETION("activity-completion"),
	CONSENT_WITHDRAWAL("consent-withdrawal"), PAUSE("pause"), SURVEY_ANSWER("survey-answer"), EXIT("exit"),
	POST_EXIT_FOLLOW_UP("post-exit-follow-up"), CORRECTION("correction");

	private final String command;

	Kind(String command) {
		this.command = command;
	}

	String command() {
		return this.command;
	}

}
