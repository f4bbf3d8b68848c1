package se.kedja.events;

/**
 * Gender (kön) as the participant states it. ESF statistics are split female/male; OTHER
 * is kept so that nobody has to be misrecorded, and is reported as its own group.
 */
public enum Gender {

	FEMALE, MALE, OTHER

}
