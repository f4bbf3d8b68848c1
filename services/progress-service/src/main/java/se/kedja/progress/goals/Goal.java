package se.kedja.progress.goals;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** One goal of a project, as its definition states it. See docs/goal-language.md. */
public sealed interface Goal {

	String id();

	String title();

	String kind();

	/** How many participants match a filter. */
	record Count(String id, String title, Filter where, Target target) implements Goal {

		@Override
		public String kind() {
			return "count";
		}

	}

	/**
	 * How many participants reached one of {@code outcomes} within {@code days} of the
	 * anchor. Those whose window is still open and who have not reached it are pending.
	 */
	record OutcomeAfter(String id, String title, Filter where, Anchor anchor, int days, Set<String> outcomes,
			Target target) implements Goal {

		@Override
		public String kind() {
			return "outcome-after";
		}

	}

	/** The share of the denominator's participants that also match the numerator. */
	record Share(String id, String title, Filter numerator, Filter denominator, Target target) implements Goal {

		@Override
		public String kind() {
			return "share";
		}

	}

	/** Every site has at least {@code minimum} active participants every day. */
	record MinimumOverTime(String id, String title, int minimum, @Nullable LocalDate from,
			@Nullable LocalDate to) implements Goal {

		@Override
		public String kind() {
			return "minimum-over-time";
		}

	}

	/** A rule of good case work, as the share of cases that keep it. */
	record Quality(String id, String title, QualityRule rule, int days, Target target) implements Goal {

		@Override
		public String kind() {
			return "quality";
		}

	}

	/** Participants active, enrolled or exited within a date range. */
	record InPeriod(String id, String title, PeriodMeasure measure, LocalDate from, LocalDate to, Filter where,
			Target target) implements Goal {

		@Override
		public String kind() {
			return "period";
		}

	}

	/** The event an outcome window starts from. */
	enum Anchor {

		ENROLMENT, EXIT

	}

	/** The rules a quality goal can check. */
	enum QualityRule {

		/** An agreed plan within {@code days} of enrolment. */
		PLAN_WITHIN_DAYS,

		/** Accessibility needs reviewed in every plan and every follow-up. */
		ACCESSIBILITY_REVIEWED,

		/** Every active participant has one responsible actor. */
		RESPONSIBLE_ACTOR

	}

	/** What a period goal counts in its range. */
	enum PeriodMeasure {

		ACTIVE, ENROLLED, EXITED

	}

}
