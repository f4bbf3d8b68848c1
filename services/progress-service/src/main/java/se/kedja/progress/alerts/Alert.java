package se.kedja.progress.alerts;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A participant who risks falling between the chairs: {@code since} is the day the gap
 * began, {@code days} how long it has lasted.
 */
public record Alert(Kind kind, String participantId, @Nullable String site, @Nullable String coach,
		@Nullable String responsibleActor, LocalDate since, long days) {

	/** What is missing. */
	public enum Kind {

		NO_RESPONSIBLE_ACTOR, TRANSFER_NOT_ACCEPTED, NO_FOLLOW_UP, PLAN_OVERDUE, POST_EXIT_FOLLOW_UP_OVERDUE

	}

}
