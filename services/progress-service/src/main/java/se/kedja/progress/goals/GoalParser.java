package se.kedja.progress.goals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the goal language (docs/goal-language.md) into goals, refusing anything it does
 * not know: an unknown field, a value outside the event contract, an impossible window.
 */
public final class GoalParser {

	/** Longest outcome window: ten years. */
	static final int MAX_DAYS = 3650;

	/**
	 * Figures are broken down by every field of {@link Field#BREAKDOWNS}; a definition
	 * may list the ones its readers care about, which are checked and shown first.
	 */
	private static final String BREAKDOWNS = "breakdowns";

	private static final Map<String, Set<String>> KEYS = Map.of("count", Set.of("filter", "target", "band", BREAKDOWNS),
			"outcome-after", Set.of("filter", "anchor", "days", "outcomes", "target", "targetPercent", BREAKDOWNS),
			"share", Set.of("numerator", "denominator", "targetPercent", BREAKDOWNS), "minimum-over-time",
			Set.of("groupBy", "minimum", "from", "to"), "quality", Set.of("rule", "days", "targetPercent", BREAKDOWNS),
			"period", Set.of("measure", "from", "to", "filter", "target", "band", BREAKDOWNS), "indicators",
			Set.of("set"));

	private GoalParser() {
	}

	/**
	 * The goals of a definition; {@code path} is where the list sits, e.g. {@code goals}.
	 */
	public static List<Goal> parse(@Nullable List<? extends @Nullable GoalSpec> specs, String path) {
		if (specs == null) {
			throw new GoalDefinitionException(path, "a list of goals is required");
		}
		List<Goal> goals = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < specs.size(); i++) {
			for (Goal goal : parse(specs.get(i), path + "[" + i + "]")) {
				if (!ids.add(goal.id())) {
					throw new GoalDefinitionException(path + "[" + i + "].id",
							"goal id '" + goal.id() + "' is used twice");
				}
				goals.add(goal);
			}
		}
		return goals;
	}

	public static List<Goal> parse(@Nullable GoalSpec spec, String path) {
		if (spec == null) {
			throw new GoalDefinitionException(path, "a goal is an object with id, kind and spec");
		}
		if (spec.id() == null || !spec.id().matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw new GoalDefinitionException(path + ".id", "a goal id is 1 to 64 of a-z, 0-9 and '-'");
		}
		Set<String> known = (spec.kind() != null) ? KEYS.get(spec.kind()) : null;
		if (known == null) {
			throw new GoalDefinitionException(path + ".kind",
					"unknown kind '" + spec.kind() + "'; known kinds are " + KEYS.keySet().stream().sorted().toList());
		}
		Spec s = new Spec((spec.spec() != null) ? spec.spec() : Map.of(), path + ".spec", known);
		if (s.has(BREAKDOWNS)) {
			for (String name : s.values(BREAKDOWNS, Set.of(), true)) {
				if (!breakdownNames().contains(name)) {
					throw new GoalDefinitionException(path + ".spec." + BREAKDOWNS,
							"unknown breakdown '" + name + "'; known breakdowns are " + breakdownNames());
				}
			}
		}
		String id = spec.id();
		String title = (spec.title() != null) ? spec.title() : id;
		return switch (spec.kind()) {
			case "count" -> List.of(new Goal.Count(id, title, s.filter("filter"), s.countTarget()));
			case "outcome-after" -> List.of(outcomeAfter(id, title, s));
			case "share" -> List.of(new Goal.Share(id, title, s.requiredFilter("numerator"), s.filter("denominator"),
					s.percentTarget(false)));
			case "minimum-over-time" -> List.of(minimumOverTime(id, title, s));
			case "quality" -> List.of(quality(id, title, s));
			case "period" -> List.of(period(id, title, s));
			case "indicators" -> indicators(s);
			default -> throw new IllegalStateException(spec.kind());
		};
	}

	private static Goal outcomeAfter(String id, String title, Spec s) {
		Goal.Anchor anchor = s.choice("anchor", Goal.Anchor.class, true);
		int days = s.integer("days", true, (anchor == Goal.Anchor.EXIT) ? 0 : 1, MAX_DAYS);
		Set<String> outcomes = s.values("outcomes", Field.OUTCOME.allowed(), true);
		Target target = s.has("targetPercent") ? s.percentTarget(true) : s.countTarget();
		return new Goal.OutcomeAfter(id, title, s.filter("filter"), anchor, days, outcomes, target);
	}

	private static Goal minimumOverTime(String id, String title, Spec s) {
		String groupBy = s.string("groupBy", false);
		if (groupBy != null && !groupBy.equals("site")) {
			throw new GoalDefinitionException(s.path + ".groupBy", "only 'site' can be grouped by");
		}
		int minimum = s.integer("minimum", true, 1, 1_000_000);
		LocalDate from = s.date("from", false);
		LocalDate to = s.date("to", false);
		s.ordered(from, to);
		return new Goal.MinimumOverTime(id, title, minimum, from, to);
	}

	private static Goal quality(String id, String title, Spec s) {
		Goal.QualityRule rule = s.choice("rule", Goal.QualityRule.class, true);
		int days = 0;
		if (rule == Goal.QualityRule.PLAN_WITHIN_DAYS) {
			days = s.integer("days", true, 0, MAX_DAYS);
		}
		else if (s.has("days")) {
			throw new GoalDefinitionException(s.path + ".days", "only the rule plan-within-days takes days");
		}
		Target target = s.has("targetPercent") ? s.percentTarget(true) : Target.percent(100);
		return new Goal.Quality(id, title, rule, days, target);
	}

	private static Goal period(String id, String title, Spec s) {
		Goal.PeriodMeasure measure = s.choice("measure", Goal.PeriodMeasure.class, true);
		LocalDate from = s.date("from", true);
		LocalDate to = s.date("to", true);
		s.ordered(from, to);
		return new Goal.InPeriod(id, title, measure, from, to, s.filter("filter"), s.countTarget());
	}

	private static List<Goal> indicators(Spec s) {
		String set = s.string("set", true);
		if (!EsfCommonIndicators.SET.equals(set)) {
			throw new GoalDefinitionException(s.path + ".set",
					"unknown indicator set '" + set + "'; known: " + EsfCommonIndicators.SET);
		}
		return EsfCommonIndicators.goals();
	}

	static Filter filter(Object raw, String path) {
		if (!(raw instanceof Map<?, ?> map)) {
			throw new GoalDefinitionException(path, "a filter is a map of field to values");
		}
		List<Filter.Condition> conditions = new ArrayList<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String name = String.valueOf(entry.getKey());
			String at = path + "." + name;
			if (name.equals("exited")) {
				if (!(entry.getValue() instanceof Boolean exited)) {
					throw new GoalDefinitionException(at, "exited is true or false");
				}
				conditions.add(new Filter.Exited(exited));
			}
			else if (name.equals("survey")) {
				Spec survey = new Spec(entry.getValue(), at, Set.of("question", "answers"));
				conditions.add(new Filter.SurveyAnswer(survey.string("question", true),
						survey.values("answers", Set.of(), true)));
			}
			else {
				Field field = Field.named(name);
				if (field == null) {
					throw new GoalDefinitionException(at, "unknown filter field; known fields are " + filterFields());
				}
				conditions.add(new Filter.AnyOf(field, values(entry.getValue(), at, field.allowed())));
			}
		}
		return new Filter(conditions);
	}

	private static Set<String> breakdownNames() {
		Set<String> names = new LinkedHashSet<>();
		Field.BREAKDOWNS.forEach((field) -> names.add(field.fieldName()));
		return names;
	}

	private static List<String> filterFields() {
		List<String> names = new ArrayList<>();
		for (Field field : Field.values()) {
			names.add(field.fieldName());
		}
		names.add("exited");
		names.add("survey");
		return names;
	}

	static Set<String> values(@Nullable Object raw, String path, Set<String> allowed) {
		Collection<?> items = (raw instanceof Collection<?> list) ? list : (raw != null) ? List.of(raw) : List.of();
		if (items.isEmpty()) {
			throw new GoalDefinitionException(path, "give at least one value");
		}
		Set<String> values = new LinkedHashSet<>();
		for (Object item : items) {
			String value = allowed.isEmpty() ? String.valueOf(item) : constant(String.valueOf(item));
			if (!allowed.isEmpty() && !allowed.contains(value)) {
				throw new GoalDefinitionException(path,
						"unknown value '" + item + "'; known values are " + allowed.stream().sorted().toList());
			}
			values.add(value);
		}
		return values;
	}

	/**
	 * {@code own-enterprise} and {@code OWN_ENTERPRISE} name the same contract constant.
	 */
	static String constant(String word) {
		return word.trim().replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/**
	 * One map of the definition, read field by field, with its path for error messages.
	 */
	private static final class Spec {

		private final Map<?, ?> map;

		private final String path;

		Spec(@Nullable Object raw, String path, Set<String> known) {
			if (!(raw instanceof Map<?, ?> m)) {
				throw new GoalDefinitionException(path, "expected a map of settings");
			}
			this.map = m;
			this.path = path;
			for (Object key : m.keySet()) {
				if (!known.contains(String.valueOf(key))) {
					throw new GoalDefinitionException(path + "." + key,
							"unknown field; known fields here are " + known.stream().sorted().toList());
				}
			}
		}

		boolean has(String key) {
			return this.map.get(key) != null;
		}

		@Nullable String string(String key, boolean required) {
			Object value = this.map.get(key);
			if (value == null) {
				if (required) {
					throw new GoalDefinitionException(this.path + "." + key, "is required");
				}
				return null;
			}
			return String.valueOf(value);
		}

		int integer(String key, boolean required, int min, int max) {
			Object value = this.map.get(key);
			if (value == null) {
				if (required) {
					throw new GoalDefinitionException(this.path + "." + key, "is required");
				}
				return min;
			}
			if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
				throw new GoalDefinitionException(this.path + "." + key, "must be a whole number");
			}
			long n = number.longValue();
			if (n < min || n > max) {
				throw new GoalDefinitionException(this.path + "." + key,
						"must be from " + min + " to " + max + ", not " + n);
			}
			return (int) n;
		}

		@Nullable LocalDate date(String key, boolean required) {
			Object raw = this.map.get(key);
			if (raw instanceof LocalDate day) {
				return day;
			}
			if (raw instanceof java.util.Date yamlDate) {
				return yamlDate.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
			}
			String value = string(key, required);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new GoalDefinitionException(this.path + "." + key,
						"must be a date YYYY-MM-DD, not '" + value + "'");
			}
		}

		void ordered(@Nullable LocalDate from, @Nullable LocalDate to) {
			if (from != null && to != null && to.isBefore(from)) {
				throw new GoalDefinitionException(this.path + ".to",
						"the window ends (" + to + ") before it starts (" + from + ")");
			}
		}

		<E extends Enum<E>> E choice(String key, Class<E> type, boolean required) {
			String value = string(key, required);
			try {
				return Enum.valueOf(type, constant(value));
			}
			catch (IllegalArgumentException ex) {
				List<String> known = new ArrayList<>();
				for (E constant : type.getEnumConstants()) {
					known.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
				}
				throw new GoalDefinitionException(this.path + "." + key,
						"unknown value '" + value + "'; known values are " + known);
			}
		}

		Set<String> values(String key, Set<String> allowed, boolean required) {
			if (!has(key) && required) {
				throw new GoalDefinitionException(this.path + "." + key, "is required");
			}
			return GoalParser.values(this.map.get(key), this.path + "." + key, allowed);
		}

		Filter filter(String key) {
			return has(key) ? GoalParser.filter(this.map.get(key), this.path + "." + key) : Filter.ALL;
		}

		Filter requiredFilter(String key) {
			if (!has(key)) {
				throw new GoalDefinitionException(this.path + "." + key, "is required");
			}
			return filter(key);
		}

		Target countTarget() {
			if (has("target") && has("band")) {
				throw new GoalDefinitionException(this.path + ".band", "give a target or a band, not both");
			}
			if (has("band")) {
				Spec band = new Spec(this.map.get("band"), this.path + ".band", Set.of("min", "max"));
				int min = band.integer("min", true, 0, Integer.MAX_VALUE);
				int max = band.integer("max", true, 0, Integer.MAX_VALUE);
				if (max < min) {
					throw new GoalDefinitionException(this.path + ".band.max", "max " + max + " is below min " + min);
				}
				return Target.band(min, max);
			}
			return has("target") ? Target.atLeast(integer("target", true, 0, Integer.MAX_VALUE)) : Target.NONE;
		}

		Target percentTarget(boolean required) {
			Object value = this.map.get("targetPercent");
			if (value == null) {
				if (required) {
					throw new GoalDefinitionException(this.path + ".targetPercent", "is required");
				}
				return Target.NONE;
			}
			if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 100) {
				throw new GoalDefinitionException(this.path + ".targetPercent", "must be a number from 0 to 100");
			}
			return Target.percent(number.doubleValue());
		}

	}

}
