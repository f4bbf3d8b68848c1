package se.kedja.progress.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How far a goal has come on a day. {@code actual} is in {@code unit}: participants,
 * percent, or days breached. {@code met}, {@code of} and {@code pending} are the
 * participant counts behind a share or an outcome. {@code forecast} projects the run rate
 * to the end of the project; it is null where a projection means nothing.
 * {@code exceptions} lists the cases that break a quality goal's rule (null for other
 * kinds): {@code met} + {@code exceptions.count} = {@code of} − {@code pending}.
 */
public record GoalProgress(String id, String title, String kind, String unit, double actual, Target target,
		Status status, @Nullable Double forecast, long met, long of, long pending,
		Map<String, List<BucketFigure>> breakdowns, @Nullable String problem,
		@Schema(nullable = true, description = "Quality goals only (null for other kinds): the cases that break the "
				+ "rule on the day, by pseudonymous participant id. met + exceptions.count = of - pending; "
				+ "cases whose window is still open are pending, not exceptions.") @Nullable Exceptions exceptions) {

	GoalProgress withExceptions(Exceptions exceptions) {
		return new GoalProgress(this.id, this.title, this.kind, this.unit, this.actual, this.target, this.status,
				this.forecast, this.met, this.of, this.pending, this.breakdowns, this.problem, exceptions);
	}

	/** How a goal stands against its target. */
	public enum Status {

		ON_TRACK("on-track"), AT_RISK("at-risk"), OFF_TRACK("off-track"), INVALID("invalid");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		@JsonValue
		public String label() {
			return this.label;
		}

	}

	/** One bucket of a breakdown, e.g. gender FEMALE. */
	public record BucketFigure(String bucket, double actual, long met, long of, long pending) {

	}

	/**
	 * The cases that break a quality goal's rule: how many, and the first {@link #LIMIT}
	 * by business date, then participant id.
	 */
	@Schema(description = "How many cases break the rule, and the first " + Exceptions.LIMIT
			+ " of them, oldest business date first, then by participant id")
	public record Exceptions(@Schema(description = "All exceptions on the day") long count,
			@Schema(description = "At most this many are listed in cases (" + Exceptions.LIMIT + ")") int limit,
			List<ExceptionCase> cases) {

		public static final int LIMIT = 100;

		public static final Exceptions NONE = new Exceptions(0, LIMIT, List.of());

		public Exceptions {
			cases = List.copyOf(cases);
		}

	}

	/** One case that breaks the rule, named only by its pseudonymous participant id. */
	@Schema(description = "One case that breaks the rule")
	public record ExceptionCase(@Schema(description = "Pseudonymous participant id") String participantId,
			@Schema(description = "What is wrong: no-plan, plan-late, accessibility-not-reviewed, "
					+ "no-responsible-actor") Reason reason,
			@Schema(description = "The business date concerned: the plan's due day (no-plan), the day the plan was "
					+ "agreed (plan-late), the first follow-up without the review, the enrolment "
					+ "(no-responsible-actor)") LocalDate date,
			@Schema(description = "The same in words (English)") String detail) {

	}

}
