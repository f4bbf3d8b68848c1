package se.kedja.progress.goals;

import org.jspecify.annotations.Nullable;

/**
 * What a goal aims for: at least a number, a band from min to max, or a share in percent.
 * {@link #NONE} only observes.
 */
public record Target(@Nullable Long atLeast, @Nullable Long min, @Nullable Long max, @Nullable Double percent) {

	public static final Target NONE = new Target(null, null, null, null);

	public static Target atLeast(long count) {
		return new Target(count, null, null, null);
	}

	public static Target band(long min, long max) {
		return new Target(null, min, max, null);
	}

	public static Target percent(double percent) {
		return new Target(null, null, null, percent);
	}

	public boolean hasPercent() {
		return this.percent != null;
	}

}
