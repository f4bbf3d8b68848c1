package se.kedja.demo.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Moves a seed project's period (2008 to 2014) so that it ends a few weeks after today,
 * by whole weeks so that every date keeps its weekday: the demo shows a project that is
 * running now.
 */
public record DateShift(long days) {

	/** How far after today the shifted period ends, at the least. */
	static final int END_AFTER_TODAY_DAYS = 28;

	public static DateShift endingAfter(LocalDate seedEnd, LocalDate today) {
		long gap = ChronoUnit.DAYS.between(seedEnd, today.plusDays(END_AFTER_TODAY_DAYS));
		return new DateShift(Math.ceilDiv(gap, 7) * 7);
	}

	public LocalDate apply(LocalDate seedDate) {
		return seedDate.plusDays(this.days);
	}

}
