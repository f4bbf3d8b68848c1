package se.kedja.events;

/** The kinds of activity (insats) a case can hold. */
public enum ActivityType {

	/** Individual talk or coaching (enskilt samtal). */
	INDIVIDUAL,
	/** Group activity (gruppverksamhet). */
	GROUP,
	/** Work training (arbetsträning). */
	WORK_TRAINING,
	/** Internship (praktik). */
	INTERNSHIP,
	/** Education (utbildning). */
	EDUCATION,
	/** Validation of prior learning (validering). */
	VALIDATION,
	/** Health-promoting activity (hälsa). */
	HEALTH,
	/** Multi-actor meeting (fleraktörsträff) with the agencies concerned. */
	MULTI_ACTOR_MEETING

}
