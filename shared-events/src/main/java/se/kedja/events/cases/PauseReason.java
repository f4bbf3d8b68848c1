package se.kedja.events.cases;

/** Why participation is paused (uppehåll). */
public enum PauseReason {

	SICKNESS, PARENTAL_LEAVE, CARE_OF_RELATIVE, TEMPORARY_WORK, HOLIDAY, OTHER

}
