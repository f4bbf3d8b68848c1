package se.kedja.progress.goals;

import com.fasterxml.jackson.annotation.JsonValue;

/** What is wrong with a case that breaks a quality goal's rule. */
public enum Reason {

	/** No plan agreed within the rule's days of enrolment. */
	NO_PLAN("no-plan"),

	/** A plan agreed, but after the rule's days from enrolment. */
	PLAN_LATE("plan-late"),

	/** Accessibility needs not reviewed in one or more follow-ups. */
	ACCESSIBILITY_NOT_REVIEWED("accessibility-not-reviewed"),

	/** An active case without a responsible actor. */
	NO_RESPONSIBLE_ACTOR("no-responsible-actor");

	private final String label;

	Reason(String label) {
		this.label = label;
	}

	@JsonValue
	public String label() {
		return this.label;
	}

	public static Reason ofLabel(String label) {
		for (Reason reason : values()) {
			if (reason.label.equals(label)) {
				return reason;
			}
		}
		throw new IllegalArgumentException("No reason " + label);
	}

}
