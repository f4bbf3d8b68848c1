package se.kedja.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Condition-based waiting: every wait ends on its condition, the timeout only bounds it.
 */
final class Waits {

	private Waits() {
	}

	static boolean until(Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			pause(Duration.ofMillis(500));
		}
		return condition.getAsBoolean();
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
