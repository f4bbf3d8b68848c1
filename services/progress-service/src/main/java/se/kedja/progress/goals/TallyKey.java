package se.kedja.progress.goals;

import java.time.LocalDate;

/**
 * One counter of a project's maintained figures: how many participants add to
 * {@code measure} of a goal in one bucket of one breakdown (the whole project is
 * dimension {@code total}, bucket {@code all}). Counters whose meaning changes with the
 * calendar (a window that closes, a site's active count) carry the {@code day} it
 * changes; the others carry {@link #NO_DAY}.
 */
public record TallyKey(String goalId, String dimension, String bucket, String measure,
		LocalDate day) implements Comparable<TallyKey> {

	public static final LocalDate NO_DAY = LocalDate.of(1970, 1, 1);

	public static final String TOTAL = "total";

	public static final String ALL = "all";

	/**
	 * Field by field: counters are sorted (and locked in this order) for every event, so
	 * this must not build strings.
	 */
	@Override
	public int compareTo(TallyKey other) {
		int order = this.goalId.compareTo(other.goalId);
		if (order == 0) {
			order = this.dimension.compareTo(other.dimension);
		}
		if (order == 0) {
			order = this.bucket.compareTo(other.bucket);
		}
		if (order == 0) {
			order = this.measure.compareTo(other.measure);
		}
		return (order != 0) ? order : this.day.compareTo(other.day);
	}

	/** Names of the counters. */
	public static final class Measure {

		/** Participants counted by a count or period goal. */
		public static final String COUNT = "count";

		/**
		 * Participants in the numerator of a share, or who reached an outcome or kept a
		 * rule.
		 */
		public static final String MET = "met";

		/** Participants a share, outcome or rule is taken over. */
		public static final String OF = "of";

		/** Participants not yet met whose window closes after {@code day}. */
		public static final String AWAITING = "awaiting";

		/**
		 * +1 on the day a participant becomes active at a site, -1 the day after they
		 * leave.
		 */
		public static final String ACTIVE_CHANGE = "active-change";

		private Measure() {
		}

	}

}
