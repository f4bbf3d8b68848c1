package se.kedja.progress.goals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.goals.GoalProgress.ExceptionCase;
import se.kedja.progress.goals.GoalProgress.Exceptions;
import se.kedja.progress.intake.Participant;

/**
 * How one case stands against a quality goal's rule. The share's counters and the list of
 * exceptions both come from {@link #judge}, so on every day the compliant cases plus the
 * exceptions are the cases counted.
 */
public final class QualityRules {

	/** Exceptions in the order they are listed: oldest business date first. */
	public static final Comparator<Breach> LISTED = Comparator.comparing(Breach::goalId)
		.thenComparing(Breach::date)
		.thenComparing(Breach::participantId);

	private QualityRules() {
	}

	/** Null when the rule does not look at the case. */
	static @Nullable Verdict judge(Goal.Quality goal, Participant p) {
		return switch (goal.rule()) {
			case PLAN_WITHIN_DAYS -> planWithinDays(goal, p);
			case ACCESSIBILITY_REVIEWED -> accessibilityReviewed(goal, p);
			case RESPONSIBLE_ACTOR -> responsibleActor(goal, p);
		};
	}

	/**
	 * Every quality rule the participant breaks, those still in their window included.
	 */
	public static List<Breach> breaches(List<Goal> goals, @Nullable Participant participant) {
		List<Breach> breaches = new ArrayList<>();
		if (participant != null) {
			for (Goal goal : goals) {
				if (goal instanceof Goal.Quality quality
						&& judge(quality, participant) instanceof Verdict.Broken broken) {
					breaches.add(broken.breach());
				}
			}
		}
		breaches.sort(LISTED);
		return breaches;
	}

	/**
	 * Each quality goal's first {@link Exceptions#LIMIT} exceptions on {@code day}, in
	 * {@link #LISTED} order.
	 */
	public static Map<String, List<ExceptionCase>> listedOn(List<Breach> breaches, LocalDate day) {
		return breaches.stream()
			.filter((breach) -> breach.countsOn(day))
			.sorted(LISTED)
			.collect(Collectors.groupingBy(Breach::goalId, LinkedHashMap::new,
					Collectors.collectingAndThen(Collectors.toList(),
							(listed) -> listed.stream().limit(Exceptions.LIMIT).map(Breach::exceptionCase).toList())));
	}

	private static Verdict planWithinDays(Goal.Quality goal, Participant p) {
		LocalDate due = p.enrolledOn().plusDays(goal.days());
		LocalDate plan = p.planAgreedOn();
		if (plan != null && !plan.isAfter(due)) {
			return Verdict.KEPT;
		}
		if (plan != null) {
			return broken(goal, p, Reason.PLAN_LATE, plan, null, "plan agreed on " + plan + ", after the " + goal.days()
					+ " days from enrolment on " + p.enrolledOn());
		}
		return broken(goal, p, Reason.NO_PLAN, due, p.exited() ? null : due,
				"no plan within " + goal.days() + " days of enrolment on " + p.enrolledOn());
	}

	private static @Nullable Verdict accessibilityReviewed(Goal.Quality goal, Participant p) {
		if (p.plans() + p.followUps() == 0) {
			return null;
		}
		if (p.accessibilityReviewedEverywhere()) {
			return Verdict.KEPT;
		}
		List<LocalDate> days = p.followUpsNotReviewedOn();
		if (days.isEmpty()) {
			// a participant stored before the days were kept; a rebuild fills them in
			LocalDate last = (p.lastFollowUpOn() != null) ? p.lastFollowUpOn() : p.enrolledOn();
			return broken(goal, p, Reason.ACCESSIBILITY_NOT_REVIEWED, last, null,
					"accessibility not reviewed in a follow-up");
		}
		String on = days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
		return broken(goal, p, Reason.ACCESSIBILITY_NOT_REVIEWED, days.get(0), null, "accessibility not reviewed in "
				+ ((days.size() == 1) ? "the follow-up" : "the follow-ups") + " on " + on);
	}

	private static @Nullable Verdict responsibleActor(Goal.Quality goal, Participant p) {
		if (p.exited()) {
			return null;
		}
		if (p.responsibleActor() != null) {
			return Verdict.KEPT;
		}
		return broken(goal, p, Reason.NO_RESPONSIBLE_ACTOR, p.enrolledOn(), null, "no responsible actor");
	}

	private static Verdict broken(Goal.Quality goal, Participant p, Reason reason, LocalDate date,
			@Nullable LocalDate pendingUntil, String detail) {
		return new Verdict.Broken(new Breach(goal.id(), p.participantId(), reason, date, pendingUntil, detail));
	}

	/** A case keeps the rule, or breaks it (perhaps only once its window closes). */
	sealed interface Verdict {

		Verdict KEPT = new Kept();

		record Kept() implements Verdict {

		}

		record Broken(Breach breach) implements Verdict {

		}

	}

}
