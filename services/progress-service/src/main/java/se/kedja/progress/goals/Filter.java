package se.kedja.progress.goals;

import java.util.List;
import java.util.Set;

import se.kedja.progress.intake.Participant;

/**
 * Which participants a goal looks at: every condition must hold. The empty filter takes
 * all.
 */
public record Filter(List<Condition> conditions) {

	public static final Filter ALL = new Filter(List.of());

	public Filter {
		conditions = List.copyOf(conditions);
	}

	public boolean matches(Participant participant) {
		for (Condition condition : this.conditions) {
			if (!condition.holdsFor(participant)) {
				return false;
			}
		}
		return true;
	}

	/** One test on a participant. */
	public sealed interface Condition {

		boolean holdsFor(Participant participant);

	}

	/**
	 * The participant's value (or one of their values) of {@code field} is one of
	 * {@code values}.
	 */
	public record AnyOf(Field field, Set<String> values) implements Condition {

		@Override
		public boolean holdsFor(Participant participant) {
			for (String value : this.field.valuesOf(participant)) {
				if (this.values.contains(value)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The participant has (or has not) exited. */
	public record Exited(boolean exited) implements Condition {

		@Override
		public boolean holdsFor(Participant participant) {
			return participant.exited() == this.exited;
		}

	}

	/** The participant answered {@code question} with one of {@code answers}. */
	public record SurveyAnswer(String question, Set<String> answers) implements Condition {

		@Override
		public boolean holdsFor(Participant participant) {
			String answer = participant.surveyAnswers().get(this.question);
			return answer != null && this.answers.contains(answer);
		}

	}

}
