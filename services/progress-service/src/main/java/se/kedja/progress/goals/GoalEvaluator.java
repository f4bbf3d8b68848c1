package se.kedja.progress.goals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.goals.GoalProgress.BucketFigure;
import se.kedja.progress.goals.GoalProgress.ExceptionCase;
import se.kedja.progress.goals.GoalProgress.Exceptions;
import se.kedja.progress.goals.GoalProgress.Status;
import se.kedja.progress.goals.TallyKey.Measure;

/**
 * Turns a project's counters into goal progress as it stands on a day. A pure function:
 * the live figures, the as-of figures and a rebuild all come through here.
 */
public final class GoalEvaluator {

	/**
	 * A share within this many points below its target is at risk rather than off track.
	 */
	static final double AT_RISK_PERCENT_POINTS = 5.0;

	/** A forecast reaching this part of its target is at risk rather than off track. */
	static final double AT_RISK_FORECAST = 0.9;

	private final ProjectGoals project;

	private final Map<String, Map<String, Map<String, Counts>>> byGoal = new TreeMap<>();

	private final Map<String, Map<String, TreeMap<LocalDate, Long>>> activeChanges = new TreeMap<>();

	private final Map<String, List<ExceptionCase>> listed;

	private final LocalDate today;

	private GoalEvaluator(ProjectGoals project, Map<TallyKey, Long> tallies, Map<String, List<ExceptionCase>> listed,
			LocalDate today) {
		this.project = project;
		this.listed = listed;
		this.today = today;
		tallies.forEach(this::file);
	}

	/**
	 * {@code listed} are the quality goals' first exceptions on {@code today}, by goal id
	 * (see {@link QualityRules#listedOn}); how many there are comes from the counters.
	 */
	public static List<GoalProgress> evaluate(ProjectGoals project, Map<TallyKey, Long> tallies,
			Map<String, List<ExceptionCase>> listed, LocalDate today) {
		GoalEvaluator evaluator = new GoalEvaluator(project, tallies, listed, today);
		List<GoalProgress> progress = new ArrayList<>();
		project.goals().forEach((goal) -> progress.add(evaluator.progressOf(goal)));
		project.invalidGoals()
			.forEach((id, problem) -> progress.add(new GoalProgress(id, id, "invalid", "none", 0, Target.NONE,
					Status.INVALID, null, 0, 0, 0, Map.of(), problem, null)));
		return progress;
	}

	private void file(TallyKey key, Long value) {
		if (Measure.ACTIVE_CHANGE.equals(key.measure())) {
			this.activeChanges.computeIfAbsent(key.goalId(), (g) -> new TreeMap<>())
				.computeIfAbsent(key.bucket().equals(TallyKey.ALL) ? TallyKey.ALL : key.bucket(),
						(b) -> new TreeMap<>())
				.merge(key.day(), value, Long::sum);
			return;
		}
		Counts counts = this.byGoal.computeIfAbsent(key.goalId(), (g) -> new LinkedHashMap<>())
			.computeIfAbsent(key.dimension(), (d) -> new TreeMap<>())
			.computeIfAbsent(key.bucket(), (b) -> new Counts());
		switch (key.measure()) {
			case Measure.COUNT, Measure.MET -> counts.met += value;
			case Measure.OF -> counts.of += value;
			case Measure.AWAITING -> {
				if (key.day().isBefore(this.today)) {
					counts.missed += value;
				}
				else {
					counts.pending += value;
				}
			}
			default -> {
			}
		}
	}

	private GoalProgress progressOf(Goal goal) {
		return switch (goal) {
			case Goal.Count count -> counted(goal, count.target(), this.project.startsOn(), this.project.endsOn());
			case Goal.InPeriod period -> counted(goal, period.target(), period.from(), period.to());
			case Goal.OutcomeAfter outcome ->
				outcome.target().hasPercent() ? shared(goal, outcome.target()) : outcomeCounted(outcome);
			case Goal.Share share -> shared(goal, share.target());
			case Goal.Quality quality -> shared(goal, quality.target()).withExceptions(exceptions(goal));
			case Goal.MinimumOverTime minimum -> minimum(minimum);
		};
	}

	private GoalProgress counted(Goal goal, Target target, LocalDate from, LocalDate to) {
		Counts total = total(goal);
		Double forecast = forecast(total.met, from, to);
		return new GoalProgress(goal.id(), goal.title(), goal.kind(), "participants", total.met, target,
				countStatus(total.met, forecast, target, to), forecast, total.met, total.of, total.pending,
				breakdowns(goal, (c) -> c.met), null, null);
	}

	private GoalProgress outcomeCounted(Goal.OutcomeAfter goal) {
		Counts total = total(goal);
		long decided = total.of - total.pending;
		double successRate = (decided > 0) ? (double) total.met / decided : 0;
		Double forecast = forecast(total.met + total.pending * successRate, this.project.startsOn(),
				this.project.endsOn());
		return new GoalProgress(goal.id(), goal.title(), goal.kind(), "participants", total.met, goal.target(),
				countStatus(total.met, forecast, goal.target(), this.project.endsOn()), forecast, total.met, total.of,
				total.pending, breakdowns(goal, (c) -> c.met), null, null);
	}

	private GoalProgress shared(Goal goal, Target target) {
		Counts total = total(goal);
		double actual = total.percent();
		Status status = percentStatus(actual, total.decided(), target);
		return new GoalProgress(goal.id(), goal.title(), goal.kind(), "percent", actual, target, status, actual,
				total.met, total.of, total.pending, breakdowns(goal, Counts::percent), null, null);
	}

	/**
	 * A case a quality goal judges is compliant (met), still in its window (pending) or
	 * an exception, so the exceptions are counted as of − pending − met: the counters
	 * answer how many without a scan of the cases, and the store lists the first few.
	 */
	private Exceptions exceptions(Goal goal) {
		Counts total = total(goal);
		return new Exceptions(total.decided() - total.met, Exceptions.LIMIT,
				this.listed.getOrDefault(goal.id(), List.of()));
	}

	private GoalProgress minimum(Goal.MinimumOverTime goal) {
		LocalDate from = (goal.from() != null) ? goal.from() : this.project.startsOn();
		LocalDate to = min((goal.to() != null) ? goal.to() : this.project.endsOn(), this.today);
		Map<String, TreeMap<LocalDate, Long>> bySite = this.activeChanges.getOrDefault(goal.id(), Map.of());
		TreeSet<String> sites = new TreeSet<>(this.project.sites());
		bySite.keySet().stream().filter((site) -> !TallyKey.ALL.equals(site)).forEach(sites::add);
		List<BucketFigure> figures = new ArrayList<>();
		long breached = 0;
		boolean belowToday = false;
		for (String site : sites) {
			TreeMap<LocalDate, Long> changes = bySite.getOrDefault(site, new TreeMap<>());
			long siteBreached = breachedDays(changes, goal.minimum(), from, to);
			long activeToday = changes.headMap(this.today, true).values().stream().mapToLong(Long::longValue).sum();
			belowToday |= activeToday < goal.minimum() && !this.today.isBefore(from) && !this.today.isAfter(to);
			breached += siteBreached;
			figures.add(new BucketFigure(site, siteBreached, activeToday, goal.minimum(), 0));
		}
		Status status = belowToday ? Status.OFF_TRACK : (breached > 0) ? Status.AT_RISK : Status.ON_TRACK;
		return new GoalProgress(goal.id(), goal.title(), goal.kind(), "days-breached", breached, Target.atLeast(0),
				status, null, 0, 0, 0, Map.of("site", figures), null, null);
	}

	/**
	 * Days from {@code from} to {@code to} on which fewer than {@code minimum} were
	 * active.
	 */
	static long breachedDays(TreeMap<LocalDate, Long> changes, int minimum, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return 0;
		}
		long active = changes.headMap(from, true).values().stream().mapToLong(Long::longValue).sum();
		long breached = 0;
		LocalDate day = from;
		for (Map.Entry<LocalDate, Long> change : changes.subMap(from, false, to, true).entrySet()) {
			if (active < minimum) {
				breached += ChronoUnit.DAYS.between(day, change.getKey());
			}
			active += change.getValue();
			day = change.getKey();
		}
		if (active < minimum) {
			breached += ChronoUnit.DAYS.between(day, to) + 1;
		}
		return breached;
	}

	private @Nullable Double forecast(double actual, LocalDate from, LocalDate to) {
		if (this.today.isBefore(from)) {
			return null;
		}
		if (!this.today.isBefore(to)) {
			return actual;
		}
		long elapsed = ChronoUnit.DAYS.between(from, this.today) + 1;
		long total = ChronoUnit.DAYS.between(from, to) + 1;
		return Math.round(actual / elapsed * total * 10) / 10.0;
	}

	private Status countStatus(double actual, @Nullable Double forecast, Target target, LocalDate endsOn) {
		double expected = (forecast != null) ? forecast : actual;
		if (target.max() != null && actual > target.max()) {
			return Status.AT_RISK;
		}
		Long floor = (target.atLeast() != null) ? target.atLeast() : target.min();
		if (floor == null || actual >= floor) {
			return Status.ON_TRACK;
		}
		if (!this.today.isBefore(endsOn)) {
			return Status.OFF_TRACK;
		}
		if (expected >= floor) {
			return Status.ON_TRACK;
		}
		return (expected >= floor * AT_RISK_FORECAST) ? Status.AT_RISK : Status.OFF_TRACK;
	}

	private static Status percentStatus(double actual, long decided, Target target) {
		if (target.percent() == null || actual >= target.percent()) {
			return Status.ON_TRACK;
		}
		if (decided == 0) {
			return Status.AT_RISK;
		}
		return (actual >= target.percent() - AT_RISK_PERCENT_POINTS) ? Status.AT_RISK : Status.OFF_TRACK;
	}

	private Counts total(Goal goal) {
		return this.byGoal.getOrDefault(goal.id(), Map.of())
			.getOrDefault(TallyKey.TOTAL, Map.of())
			.getOrDefault(TallyKey.ALL, new Counts());
	}

	private Map<String, List<BucketFigure>> breakdowns(Goal goal, ToDoubleFunction<Counts> actual) {
		Map<String, List<BucketFigure>> breakdowns = new LinkedHashMap<>();
		Map<String, Map<String, Counts>> dimensions = this.byGoal.getOrDefault(goal.id(), Map.of());
		for (Field field : Field.BREAKDOWNS) {
			List<BucketFigure> buckets = new ArrayList<>();
			dimensions.getOrDefault(field.fieldName(), Map.of())
				.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().isEmpty())
				.forEach((entry) -> buckets.add(new BucketFigure(entry.getKey(), actual.applyAsDouble(entry.getValue()),
						entry.getValue().met, entry.getValue().of, entry.getValue().pending)));
			breakdowns.put(field.fieldName(), buckets);
		}
		return breakdowns;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static final class Counts {

		long met;

		long of;

		long pending;

		long missed;

		boolean isEmpty() {
			return this.met == 0 && this.of == 0 && this.pending == 0 && this.missed == 0;
		}

		long decided() {
			return this.of - this.pending;
		}

		double percent() {
			long decided = decided();
			return (decided > 0) ? Math.round(1000.0 * this.met / decided) / 10.0 : 0;
		}

	}

}
