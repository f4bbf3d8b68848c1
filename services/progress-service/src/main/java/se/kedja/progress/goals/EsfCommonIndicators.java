package se.kedja.progress.goals;

import java.util.List;
import java.util.Set;

/**
 * The EU's common output and result indicators for ESF participants, switched on in a
 * definition by a goal of kind {@code indicators} with {@code set: esf-common}. They
 * observe; they carry no target.
 */
final class EsfCommonIndicators {

	static final String SET = "esf-common";

	private static final Set<String> EMPLOYED = Set.of("EMPLOYMENT", "SUBSIDISED_EMPLOYMENT", "OWN_ENTERPRISE");

	private EsfCommonIndicators() {
	}

	static List<Goal> goals() {
		return List.of(new Goal.Count("esf-participants", "Participants", Filter.ALL, Target.NONE),
				count("esf-unemployed", "Unemployed, including long-term unemployed", Field.ENTRY_SITUATION,
						Set.of("UNEMPLOYED", "LONG_TERM_UNEMPLOYED", "FAS3")),
				count("esf-long-term-unemployed", "Long-term unemployed", Field.ENTRY_SITUATION,
						Set.of("LONG_TERM_UNEMPLOYED", "FAS3")),
				count("esf-inactive", "Inactive", Field.ENTRY_SITUATION, Set.of("INACTIVE")),
				count("esf-below-25", "Below 25 years of age", Field.AGE_BAND, Set.of("UNDER_25")),
				count("esf-above-54", "Above 54 years of age", Field.AGE_BAND, Set.of("55_PLUS")),
				count("esf-isced-0-2", "With primary or lower secondary education (ISCED 1-2)", Field.ISCED,
						Set.of("ISCED_0_2")),
				new Goal.OutcomeAfter("esf-in-education-upon-leaving", "In education or training upon leaving",
						Filter.ALL, Goal.Anchor.EXIT, 0, Set.of("EDUCATION"), Target.NONE),
				new Goal.OutcomeAfter("esf-employed-upon-leaving",
						"In employment, including self-employment, upon leaving", Filter.ALL, Goal.Anchor.EXIT, 0,
						EMPLOYED, Target.NONE),
				new Goal.OutcomeAfter("esf-employed-six-months-after",
						"In employment, including self-employment, six months after leaving", Filter.ALL,
						Goal.Anchor.EXIT, 180, EMPLOYED, Target.NONE));
	}

	private static Goal count(String id, String title, Field field, Set<String> values) {
		return new Goal.Count(id, title, new Filter(List.of(new Filter.AnyOf(field, values))), Target.NONE);
	}

}
