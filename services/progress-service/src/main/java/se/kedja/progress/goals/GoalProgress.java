package se.kedja.progress.goals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How far a goal has come on a day. {@code actual} is in {@code unit}: participants,
 * percent, or days breached. {@code met}, {@code of} and {@code pending} are the
 * participant counts behind a share or an outcome. {@code forecast} projects the run rate
 * to the end of the project; it is null where a projection means nothing.
 */
public record GoalProgress(String id, String title, String kind, String unit, double actual, Target target,
		Status status, @Nullable Double forecast, long met, long of, long pending,
		Map<String, List<BucketFigure>> breakdowns, @Nullable String problem) {

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

}
