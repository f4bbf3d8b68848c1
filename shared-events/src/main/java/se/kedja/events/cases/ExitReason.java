package se.kedja.events.cases;

/** Why the participation ended; the outcome says where the participant went. */
public enum ExitReason {

	/** The plan was carried through (planenligt avslut). */
	PLAN_COMPLETED,
	/** Found work, studies or an enterprise before the plan was done. */
	GOAL_REACHED_EARLY,
	/** The participant chose to leave (eget val). */
	OWN_CHOICE,
	/** Referred on to another programme or actor. */
	REFERRED_ON,
	/** Too ill to continue. */
	ILLNESS,
	/** Moved away. */
	MOVED,
	/** No contact for a long time (avbrott, ej nåbar). */
	LOST_CONTACT,
	/** The project ended. */
	PROJECT_ENDED, OTHER

}
