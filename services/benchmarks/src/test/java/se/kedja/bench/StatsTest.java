package se.kedja.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

	@Test
	void medianOfAnOddSampleIsTheMiddleValue() {
		assertThat(Stats.of(5, 1, 3).median()).isEqualTo(3);
	}

	@Test
	void medianOfAnEvenSampleIsTheMeanOfTheTwoMiddleValues() {
		assertThat(Stats.of(4, 1, 3, 2).median()).isEqualTo(2.5);
	}

	@Test
	void percentilesAreNearestRank() {
		double[] hundred = new double[100];
		for (int i = 0; i < 100; i++) {
			hundred[i] = i + 1;
		}
		Stats stats = Stats.of(hundred);
		assertThat(stats.p50()).isEqualTo(50);
		assertThat(stats.p99()).isEqualTo(99);
		assertThat(Stats.percentile(new double[] { 1, 2, 3 }, 0)).isEqualTo(1);
		assertThat(Stats.percentile(new double[] { 1, 2, 3 }, 100)).isEqualTo(3);
	}

	@Test
	void p99OfASmallSampleIsItsLargestValue() {
		assertThat(Stats.of(10, 20, 30, 40, 50).p99()).isEqualTo(50);
	}

	@Test
	void spreadIsMinToMaxAndRelativeToTheMedian() {
		Stats stats = Stats.of(List.of(90, 100, 130));
		assertThat(stats.min()).isEqualTo(90);
		assertThat(stats.max()).isEqualTo(130);
		assertThat(stats.n()).isEqualTo(3);
		assertThat(stats.relativeSpread()).isCloseTo(0.4, within(1e-9));
	}

	@Test
	void anEmptySampleHasNoFigures() {
		Stats stats = Stats.of();
		assertThat(stats.n()).isZero();
		assertThat(stats.median()).isNaN();
		assertThat(stats.relativeSpread()).isNaN();
	}

	@Test
	void theInputIsNotReordered() {
		double[] values = { 3, 1, 2 };
		Stats.of(values);
		assertThat(values).containsExactly(3, 1, 2);
	}

}
