package se.kedja.cases.project;

/**
 * Why a command on a project was refused; words for people are in
 * {@code project-errors_sv.properties} and {@code project-errors_en.properties}.
 */
public enum ProjectError {

	PROJECT_ALREADY_DEFINED,

	PERIOD_ENDS_BEFORE_START,

	DUPLICATE_SITE,

	DUPLICATE_TARGET_GROUP,

	DUPLICATE_ACTOR,

	DUPLICATE_GOAL

}
