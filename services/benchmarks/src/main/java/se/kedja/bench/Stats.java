package se.kedja.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * A sample summarised: how many, median, p50 and p99 (nearest rank), and the spread
 * (min–max). Latencies go in as milliseconds, throughputs as one value per run.
 */
public record Stats(int n, double median, double p50, double p99, double min, double max) {

	public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	public static Stats of(double... values) {
		if (values.length == 0) {
			return EMPTY;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Stats(sorted.length, median(sorted), percentile(sorted, 50), percentile(sorted, 99), sorted[0],
				sorted[sorted.length - 1]);
	}

	public static Stats of(Collection<? extends Number> values) {
		return of(values.stream().mapToDouble(Number::doubleValue).toArray());
	}

	/** The middle value, or the mean of the two middle values of an even sample. */
	static double median(double[] sorted) {
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/**
	 * Nearest rank: the smallest value with at least {@code q} percent of the sample at
	 * or below it.
	 */
	static double percentile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		if (q <= 0) {
			return sorted[0];
		}
		int rank = (int) Math.ceil(q / 100.0 * sorted.length);
		return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
	}

	/** The spread as a share of the median: (max − min) / median. */
	public double relativeSpread() {
		return (this.n == 0 || this.median == 0) ? Double.NaN : (this.max - this.min) / this.median;
	}

}
