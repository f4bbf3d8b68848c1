package se.kedja.web.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The administrator's forms that were sent, by the key each form carries, so that a
 * double submit changes an assignment once: case-service keeps every assignment change on
 * record, and its assignment endpoints take no {@code Idempotency-Key}.
 */
@Component
class SubmittedForms {

	private static final Duration KEPT = Duration.ofHours(1);

	private final Map<String, Instant> sent = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	/** True for the first submit of this form; false for every later one. */
	boolean claim(String user, String key) {
		Instant now = this.clock.instant();
		this.sent.values().removeIf((at) -> at.isBefore(now.minus(KEPT)));
		return this.sent.putIfAbsent(user + "\n" + key, now) == null;
	}

	/** The service refused the form: sending it again, corrected, must reach it. */
	void release(String user, String key) {
		this.sent.remove(user + "\n" + key);
	}

}
