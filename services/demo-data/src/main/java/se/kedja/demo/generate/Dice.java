package se.kedja.demo.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One participant's source of chance: an L64X128MixRandom seeded from the demo's seed,
 * the project and the participant's number, so each history is the same whatever order or
 * thread it is generated in.
 */
final class Dice {

	private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory
		.of("L64X128MixRandom");

	private final RandomGenerator random;

	Dice(long seed, String project, long participant) {
		this.random = FACTORY.create(mix(seed, project.hashCode(), participant));
	}

	private static long mix(long seed, int project, long participant) {
		long z = seed * 0x9E3779B97F4A7C15L + project * 0xBF58476D1CE4E5B9L + participant * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	/** Between {@code from} and {@code to}, both included. */
	int between(int from, int to) {
		return this.random.nextInt(from, to + 1);
	}

	<T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	/** Picks by weight: {@code weights[i]} for {@code items.get(i)}. */
	<T> T weighted(List<T> items, double... weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double roll = this.random.nextDouble() * total;
		for (int i = 0; i < items.size(); i++) {
			roll -= weights[i];
			if (roll < 0) {
				return items.get(i);
			}
		}
		return items.get(items.size() - 1);
	}

	UUID uuid() {
		long most = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

	/** The first weekday on or after the date: coaches record on working days. */
	static LocalDate weekday(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return (day == DayOfWeek.SATURDAY) ? date.plusDays(2) : (day == DayOfWeek.SUNDAY) ? date.plusDays(1) : date;
	}

	/** A weekday some days after the date. */
	LocalDate after(LocalDate date, int minDays, int maxDays) {
		return weekday(date.plusDays(between(minDays, maxDays)));
	}

}
