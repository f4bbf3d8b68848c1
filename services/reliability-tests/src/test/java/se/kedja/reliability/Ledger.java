package se.kedja.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the writers were told: per participant the highest case version an acknowledged
 * (2xx) command answered with — every event up to it must be kept — and every answer that
 * was not a success.
 */
final class Ledger {

	private final Map<String, Long> acknowledgedVersion = new ConcurrentHashMap<>();

	final AtomicLong acknowledged = new AtomicLong();

	final AtomicLong retries = new AtomicLong();

	final AtomicLong connectionFailures = new AtomicLong();

	final AtomicLong serverErrors = new AtomicLong();

	final AtomicLong unavailable = new AtomicLong();

	final AtomicLong refused = new AtomicLong();

	final List<String> samples = new CopyOnWriteArrayList<>();

	void acknowledged(String participant, long version) {
		this.acknowledged.incrementAndGet();
		this.acknowledgedVersion.merge(participant, version, Math::max);
	}

	/**
	 * A 5xx; a 503 problem is counted apart, being the documented answer to an outage.
	 */
	void serverError(String what, Http.Response response) {
		if (response.status() == 503 && response.problem()) {
			this.unavailable.incrementAndGet();
		}
		else {
			this.serverErrors.incrementAndGet();
		}
		sample(what + " → " + response);
	}

	void refused(String what, Http.Response response) {
		this.refused.incrementAndGet();
		sample(what + " → " + response);
	}

	private void sample(String text) {
		if (this.samples.size() < 20) {
			this.samples.add(text);
		}
	}

	Map<String, Long> acknowledgedVersions() {
		return Map.copyOf(this.acknowledgedVersion);
	}

	long fiveXx() {
		return this.serverErrors.get() + this.unavailable.get();
	}

}
