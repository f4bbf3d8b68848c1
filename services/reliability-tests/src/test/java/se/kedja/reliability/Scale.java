package se.kedja.reliability;

import java.time.Duration;

/**
 * How hard the suite pushes: the CI sizes by default, the long ones with
 * {@code -Preliability-long} (the POM passes them as system properties).
 */
final class Scale {

	private Scale() {
	}

	static boolean longRun() {
		return Boolean.getBoolean("kedja.reliability.long");
	}

	static int kills() {
		return Integer.getInteger("kedja.reliability.kills", 20);
	}

	static Duration load() {
		return Duration.ofSeconds(Integer.getInteger("kedja.reliability.load-seconds", 300));
	}

	static int raceWriters() {
		return Integer.getInteger("kedja.reliability.race-writers", 50);
	}

	static Duration race() {
		return Duration.ofSeconds(Integer.getInteger("kedja.reliability.race-seconds", 30));
	}

	static Duration brokerOutage() {
		return Duration.ofSeconds(Integer.getInteger("kedja.reliability.broker-outage-seconds", 20));
	}

	static int fuzzCasesPerField() {
		return Integer.getInteger("kedja.reliability.fuzz-cases", 6);
	}

}
