package se.kedja.events.cases;

/** How far a plan goal has come. */
public enum ProgressLevel {

	NOT_STARTED, STARTED, HALFWAY, NEARLY_THERE, ACHIEVED, ABANDONED

}
