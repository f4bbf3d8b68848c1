package se.kedja.progress.goals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.goals.TallyKey.Measure;
import se.kedja.progress.intake.Participant;

/**
 * What one participant adds to a project's counters. Figures are sums of these, so a
 * change to a participant moves the counters by (after − before) and nothing is ever
 * scanned.
 */
public final class Contributions {

	private Contributions() {
	}

	public static Map<TallyKey, Long> of(List<Goal> goals, @Nullable Participant participant) {
		Map<TallyKey, Long> tally = new TreeMap<>();
		addTo(tally, goals, participant);
		return tally;
	}

	/**
	 * Adds what {@link #of} gives to {@code sums}: for summing many participants, without
	 * a sorted map for each.
	 */
	public static void addTo(Map<TallyKey, Long> sums, List<Goal> goals, @Nullable Participant participant) {
		if (participant != null) {
			List<List<String>> buckets = new ArrayList<>(Field.BREAKDOWNS.size());
			for (Field field : Field.BREAKDOWNS) {
				buckets.add(field.bucketsOf(participant));
			}
			for (Goal goal : goals) {
				new Adder(goal.id(), participant, buckets, sums).add(goal);
			}
		}
	}

	/**
	 * The counters to move, and by how much, when {@code before} becomes {@code after}.
	 */
	public static Map<TallyKey, Long> delta(List<Goal> goals, @Nullable Participant before,
			@Nullable Participant after) {
		Map<TallyKey, Long> delta = new TreeMap<>(of(goals, after));
		of(goals, before).forEach((key, value) -> delta.merge(key, -value, Long::sum));
		delta.values().removeIf((value) -> value == 0);
		return delta;
	}

	/** {@code buckets}: the participant's, in the order of {@link Field#BREAKDOWNS}. */
	private record Adder(String goalId, Participant participant, List<List<String>> buckets,
			Map<TallyKey, Long> tally) {

		void add(Goal goal) {
			switch (goal) {
				case Goal.Count count -> {
					if (count.where().matches(this.participant)) {
						broken(Measure.COUNT, TallyKey.NO_DAY, 1);
					}
				}
				case Goal.InPeriod period -> {
					if (period.where().matches(this.participant) && inPeriod(period)) {
						broken(Measure.COUNT, TallyKey.NO_DAY, 1);
					}
				}
				case Goal.Share share -> {
					if (share.denominator().matches(this.participant)) {
						broken(Measure.OF, TallyKey.NO_DAY, 1);
						if (share.numerator().matches(this.participant)) {
							broken(Measure.MET, TallyKey.NO_DAY, 1);
						}
					}
				}
				case Goal.OutcomeAfter outcome -> outcomeAfter(outcome);
				case Goal.MinimumOverTime minimum -> activeAtSite();
				case Goal.Quality quality -> quality(quality);
			}
		}

		private boolean inPeriod(Goal.InPeriod period) {
			LocalDate enrolled = this.participant.enrolledOn();
			LocalDate exited = this.participant.exitedOn();
			return switch (period.measure()) {
				case ENROLLED -> within(enrolled, period.from(), period.to());
				case EXITED -> exited != null && within(exited, period.from(), period.to());
				case ACTIVE -> !enrolled.isAfter(period.to()) && (exited == null || !exited.isBefore(period.from()));
			};
		}

		private void outcomeAfter(Goal.OutcomeAfter goal) {
			if (!goal.where().matches(this.participant)) {
				return;
			}
			LocalDate anchor = (goal.anchor() == Goal.Anchor.EXIT) ? this.participant.exitedOn()
					: this.participant.enrolledOn();
			if (anchor == null) {
				return;
			}
			broken(Measure.OF, TallyKey.NO_DAY, 1);
			String reached = outcomeReached(goal);
			if (reached != null && goal.outcomes().contains(reached)) {
				broken(Measure.MET, TallyKey.NO_DAY, 1);
			}
			else if (reached == null) {
				broken(Measure.AWAITING, anchor.plusDays(goal.days()), 1);
			}
		}

		/**
		 * After exit: the status recorded at the follow-up {@code days} after exit (the
		 * exit outcome itself when days is 0). After enrolment: the exit outcome, when
		 * the exit fell within the window.
		 */
		private @Nullable String outcomeReached(Goal.OutcomeAfter goal) {
			if (goal.anchor() == Goal.Anchor.EXIT) {
				return (goal.days() == 0) ? this.participant.outcome()
						: this.participant.postExitStatus().get(goal.days());
			}
			LocalDate exited = this.participant.exitedOn();
			if (exited == null) {
				return null;
			}
			boolean inWindow = !exited.isAfter(this.participant.enrolledOn().plusDays(goal.days()));
			return inWindow ? this.participant.outcome() : "OUTSIDE_WINDOW";
		}

		private void activeAtSite() {
			String site = (this.participant.site() != null) ? this.participant.site() : "UNKNOWN";
			add(TallyKey.TOTAL, TallyKey.ALL, Measure.ACTIVE_CHANGE, this.participant.enrolledOn(), 1);
			add(Field.SITE.fieldName(), site, Measure.ACTIVE_CHANGE, this.participant.enrolledOn(), 1);
			LocalDate exited = this.participant.exitedOn();
			if (exited != null) {
				add(TallyKey.TOTAL, TallyKey.ALL, Measure.ACTIVE_CHANGE, exited.plusDays(1), -1);
				add(Field.SITE.fieldName(), site, Measure.ACTIVE_CHANGE, exited.plusDays(1), -1);
			}
		}

		private void quality(Goal.Quality goal) {
			QualityRules.Verdict verdict = QualityRules.judge(goal, this.participant);
			if (verdict == null) {
				return;
			}
			broken(Measure.OF, TallyKey.NO_DAY, 1);
			switch (verdict) {
				case QualityRules.Verdict.Kept kept -> broken(Measure.MET, TallyKey.NO_DAY, 1);
				case QualityRules.Verdict.Broken broken -> {
					LocalDate due = broken.breach().pendingUntil();
					if (due != null) {
						broken(Measure.AWAITING, due, 1);
					}
				}
			}
		}

		private void broken(String measure, LocalDate day, long value) {
			add(TallyKey.TOTAL, TallyKey.ALL, measure, day, value);
			for (int i = 0; i < Field.BREAKDOWNS.size(); i++) {
				String dimension = Field.BREAKDOWNS.get(i).fieldName();
				for (String bucket : this.buckets.get(i)) {
					add(dimension, bucket, measure, day, value);
				}
			}
		}

		private void add(String dimension, String bucket, String measure, LocalDate day, long value) {
			this.tally.merge(new TallyKey(this.goalId, dimension, bucket, measure, day), value, Long::sum);
		}

		private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
			return !day.isBefore(from) && !day.isAfter(to);
		}

	}

}
