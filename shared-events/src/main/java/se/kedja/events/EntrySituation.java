package se.kedja.events;

/** The participant's situation when entering the project (situation vid inskrivning). */
public enum EntrySituation {

	/** Försörjningsstöd from the municipality. */
	INCOME_SUPPORT,
	/** Etableringsersättning for newly arrived immigrants. */
	INTRODUCTION_BENEFIT,
	/** Fas 3 of the job and development guarantee. */
	FAS3,
	/** Långtidsarbetslös: unemployed for twelve months or more. */
	LONG_TERM_UNEMPLOYED, UNEMPLOYED,
	/** Sjuk- eller aktivitetsersättning from Försäkringskassan. */
	SICK_OR_ACTIVITY_COMPENSATION,
	/** Sjukpenning. */
	SICKNESS_BENEFIT,
	/** Not in employment, education or training, nor seeking work. */
	INACTIVE, EMPLOYED, IN_EDUCATION, OTHER

}
