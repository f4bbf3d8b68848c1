package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * One of the five seed projects as the generator knows it: its period as the seed text
 * gives it, how many participants a default demo has, its sites, and how a participant's
 * history there goes.
 */
public interface SeedProject {

	String id();

	LocalDate seedStart();

	LocalDate seedEnd();

	int defaultParticipants();

	List<String> siteIds();

	/**
	 * Plans participant number {@code index} of {@code count} on the timeline.
	 */
	void plan(int index, int count, Dice dice, Period period, CaseTimeline timeline);

	/**
	 * The project's shifted period; {@code cutoff} is the last day anything may happen.
	 */
	record Period(LocalDate start, LocalDate end, LocalDate cutoff) {

		/** A day {@code fraction} (0 to 1) of the way through the period. */
		LocalDate at(double fraction) {
			long days = java.time.temporal.ChronoUnit.DAYS.between(this.start, this.end);
			return this.start.plusDays(Math.round(days * fraction));
		}

	}

}
