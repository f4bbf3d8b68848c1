package se.kedja.cases.project;

/** A command the project refuses, with the rule it breaks. */
public class ProjectRuleViolation extends RuntimeException {

	private final ProjectError error;

	public ProjectRuleViolation(ProjectError error, String message) {
		super(message);
		this.error = error;
	}

	public ProjectError error() {
		return this.error;
	}

	static void refuseIf(boolean broken, ProjectError error, String message) {
		if (broken) {
			throw new ProjectRuleViolation(error, message);
		}
	}

}
