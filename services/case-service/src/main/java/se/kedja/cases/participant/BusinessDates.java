package se.kedja.cases.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static se.kedja.cases.participant.CaseRuleViolation.refuseIf;

/**
 * The rules every business date of a case obeys: it has happened, and not before the case
 * began. Enrolment, which begins the case, must fall within the project's period instead.
 */
final class BusinessDates {

	private BusinessDates() {
	}

	static void requireHappened(LocalDate date, Clock clock) {
		refuseIf(date.isAfter(LocalDate.now(clock)), CaseError.DATE_IN_FUTURE, date + " is in the future");
	}

	static void requireWithinProject(LocalDate date, LocalDate periodStart, LocalDate periodEnd) {
		refuseIf(date.isBefore(periodStart), CaseError.DATE_BEFORE_PROJECT_START,
				date + " is before the project starts on " + periodStart);
		refuseIf(date.isAfter(periodEnd), CaseError.DATE_AFTER_PROJECT_END,
				date + " is after the project ends on " + periodEnd);
	}

	static void requireInCase(LocalDate date, LocalDate enrolledOn, Clock clock) {
		requireHappened(date, clock);
		refuseIf(date.isBefore(enrolledOn), CaseError.DATE_BEFORE_ENROLMENT,
				date + " is before the enrolment on " + enrolledOn);
	}

	static void requireNotBefore(LocalDate date, LocalDate earlier, String what) {
		refuseIf(date.isBefore(earlier), CaseError.DATE_OUT_OF_ORDER, date + " is before " + what + " on " + earlier);
	}

	/**
	 * The first moment after {@code lastDay}, in the clock's zone: when a deadline is
	 * missed.
	 */
	static Instant after(LocalDate lastDay, Clock clock) {
		return lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
	}

}
