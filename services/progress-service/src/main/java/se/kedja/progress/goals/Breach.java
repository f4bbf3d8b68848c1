package se.kedja.progress.goals;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.goals.GoalProgress.ExceptionCase;

/**
 * A case that breaks a quality goal's rule: {@code date} is the business date concerned.
 * One whose window is still open ({@code pendingUntil}, the last day to keep the rule)
 * becomes an exception only once that day has passed, exactly when the share stops
 * counting it as pending.
 */
public record Breach(String goalId, String participantId, Reason reason, LocalDate date,
		@Nullable LocalDate pendingUntil, String detail) {

	public boolean countsOn(LocalDate day) {
		return this.pendingUntil == null || this.pendingUntil.isBefore(day);
	}

	public ExceptionCase exceptionCase() {
		return new ExceptionCase(this.participantId, this.reason, this.date, this.detail);
	}

}
