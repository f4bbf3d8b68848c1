package se.kedja.events.cases;

/**
 * The participant's own view (egen bedömning) of how things are going since last time.
 */
public enum OwnAssessment {

	BETTER, UNCHANGED, WORSE, NOT_STATED

}
