package se.kedja.cases.participant;

import java.time.LocalDate;

/**
 * The deadline of one post-exit follow-up: its window runs from {@code dueOn} to
 * {@code lastDay}.
 */
record PostExitFollowUpDue(int daysAfterExit, LocalDate dueOn, LocalDate lastDay) {

	static final String DEADLINE = "post-exit-follow-up-due";

}
