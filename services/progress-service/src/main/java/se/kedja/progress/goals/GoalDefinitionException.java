package se.kedja.progress.goals;

/**
 * A goal definition that cannot be read; {@code path} names the field, e.g.
 * {@code goals[2].spec.days}.
 */
public class GoalDefinitionException extends RuntimeException {

	private final String path;

	public GoalDefinitionException(String path, String message) {
		super(path + ": " + message);
		this.path = path;
	}

	public String path() {
		return this.path;
	}

}
