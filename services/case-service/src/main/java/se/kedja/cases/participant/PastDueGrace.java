package se.kedja.cases.participant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a deadline that has already passed when it is scheduled waits before it fires.
 * A case recorded after the fact (historical data, an import, a late entry) arrives one
 * command at a time; the grace lets the rest of its history arrive before the case is
 * judged, and keeps the deadline from contending with those commands.
 */
public record PastDueGrace(Duration duration) {

	public PastDueGrace {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("The past-due grace cannot be negative: " + duration);
		}
	}

	Instant firing(Instant due, Clock clock) {
		Instant now = clock.instant();
		return due.isAfter(now) ? due : now.plus(this.duration);
	}

}
