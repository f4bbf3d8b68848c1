package se.kedja.events;

/** Where a participant went: at exit (avslut) and at each post-exit follow-up. */
public enum ExitOutcome {

	/** Work on ordinary terms (arbete). */
	EMPLOYMENT,
	/** Work with a wage subsidy (subventionerad anställning). */
	SUBSIDISED_EMPLOYMENT,
	/** Studies (studier). */
	EDUCATION,
	/** Own enterprise (eget företag). */
	OWN_ENTERPRISE,
	/** Another active occupation, e.g. another labour-market programme. */
	OTHER_ACTIVE_OCCUPATION,
	/** Still seeking work (arbetssökande). */
	JOB_SEEKING,
	/** Sick or on sickness benefit. */
	SICK,
	/** Moved away from the area. */
	MOVED, UNKNOWN;

	/**
	 * Work, education or own enterprise: the outcome goals such as Orangeriet's count.
	 */
	public boolean isWorkEducationOrEnterprise() {
		return this == EMPLOYMENT || this == SUBSIDISED_EMPLOYMENT || this == EDUCATION || this == OWN_ENTERPRISE;
	}

}
