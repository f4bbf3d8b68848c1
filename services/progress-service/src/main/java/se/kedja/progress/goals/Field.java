package se.kedja.progress.goals;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.intake.Participant;

/**
 * A participant attribute that filters and breakdowns can name. {@code name} is the word
 * used in goal definitions; {@code allowed} lists the values the event contract knows, or
 * is empty when any value goes (sites, coaches, municipalities).
 */
public enum Field {

	GENDER("gender", Set.of("FEMALE", "MALE", "OTHER"), (p) -> List.of(p.gender())),

	AGE_BAND("ageBand", Set.of("UNDER_25", "25_54", "55_PLUS", "UNKNOWN"), (p) -> List.of(p.ageBand())),

	TARGET_GROUP("targetGroup", Set.of(), Participant::targetGroups),

	ENTRY_SITUATION("entrySituation",
			Set.of("INCOME_SUPPORT", "INTRODUCTION_BENEFIT", "FAS3", "LONG_TERM_UNEMPLOYED", "UNEMPLOYED",
					"SICK_OR_ACTIVITY_COMPENSATION", "SICKNESS_BENEFIT", "INACTIVE", "EMPLOYED", "IN_EDUCATION",
					"OTHER"),
			Participant::entrySituations),

	SITE("site", Set.of(), (p) -> optional(p.site())),

	MUNICIPALITY("municipality", Set.of(), (p) -> optional(p.municipality())),

	COACH("coach", Set.of(), (p) -> optional(p.coach())),

	ISCED("isced", Set.of("ISCED_0_2", "ISCED_3_4", "ISCED_5_8"), (p) -> optional(p.isced())),

	OUTCOME("outcome", Outcomes.ALL, (p) -> optional(p.outcome())),

	ACTIVITY_STARTED("activityStarted", Activities.ALL, (p) -> List.copyOf(p.activitiesStarted())),

	ACTIVITY_COMPLETED("activityCompleted", Activities.ALL, (p) -> List.copyOf(p.activitiesCompleted()));

	/** The fields every goal is broken down by; gender always comes first. */
	public static final List<Field> BREAKDOWNS = List.of(GENDER, AGE_BAND, TARGET_GROUP, SITE, MUNICIPALITY, COACH,
			ENTRY_SITUATION);

	private final String name;

	private final Set<String> allowed;

	private final Function<Participant, List<String>> values;

	Field(String name, Set<String> allowed, Function<Participant, List<String>> values) {
		this.name = name;
		this.allowed = allowed;
		this.values = values;
	}

	public String fieldName() {
		return this.name;
	}

	Set<String> allowed() {
		return this.allowed;
	}

	List<String> valuesOf(Participant participant) {
		return this.values.apply(participant);
	}

	/**
	 * Breakdown buckets: a participant without a value is counted under {@code UNKNOWN}.
	 */
	List<String> bucketsOf(Participant participant) {
		List<String> buckets = valuesOf(participant);
		return buckets.isEmpty() ? List.of("UNKNOWN") : buckets;
	}

	static @Nullable Field named(String name) {
		for (Field field : values()) {
			if (field.name.equals(name)) {
				return field;
			}
		}
		return null;
	}

	private static List<String> optional(@Nullable String value) {
		return (value != null) ? List.of(value) : List.of();
	}

	/** Constant names of the contract's {@code ExitOutcome}. */
	public static final class Outcomes {

		public static final Set<String> ALL = Set.of("EMPLOYMENT", "SUBSIDISED_EMPLOYMENT", "EDUCATION",
				"OWN_ENTERPRISE", "OTHER_ACTIVE_OCCUPATION", "JOB_SEEKING", "SICK", "MOVED", "UNKNOWN");

		private Outcomes() {
		}

	}

	/** Constant names of the contract's {@code ActivityType}. */
	public static final class Activities {

		public static final Set<String> ALL = Set.of("INDIVIDUAL", "GROUP", "WORK_TRAINING", "INTERNSHIP", "EDUCATION",
				"VALIDATION", "HEALTH", "MULTI_ACTOR_MEETING");

		private Activities() {
		}

	}

}
