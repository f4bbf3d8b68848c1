package se.kedja.events.cases;

/** What a plan goal is about, so that goals can be counted across cases. */
public enum PlanGoalArea {

	WORK, EDUCATION, LANGUAGE, HEALTH, SOCIAL_LIFE, ECONOMY, HOUSING, OTHER

}
