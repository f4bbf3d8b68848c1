package se.kedja.cases.participant;

/** A command the case refuses, with the rule it breaks. */
public class CaseRuleViolation extends RuntimeException {

	private final CaseError error;

	public CaseRuleViolation(CaseError error, String message) {
		super(message);
		this.error = error;
	}

	public CaseError error() {
		return this.error;
	}

	static void refuseIf(boolean broken, CaseError error, String message) {
		if (broken) {
			throw new CaseRuleViolation(error, message);
		}
	}

}
