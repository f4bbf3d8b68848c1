package se.kedja.progress.rebuild;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a rebuild stands: {@code eventsTotal} is what the topics held when it started, so
 * {@code secondsLeft} is an estimate from the rate so far. A case event read in bulk
 * counts half in {@code eventsDone} once kept and whole once its case is folded and
 * written; an event applied on its own counts whole.
 */
public record RebuildStatus(State state, @Nullable String consumerGroup, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, long eventsDone, long eventsTotal, double eventsPerSecond,
		@Nullable Double secondsLeft, long eventsSkipped, @Nullable String error) {

	static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, null, 0, 0, 0, null, 0, null);

	/** The phases of a rebuild. */
	public enum State {

		IDLE, RUNNING, SWAPPING, SWAPPED, FAILED

	}

}
