package se.kedja.launcher;

import java.time.Duration;
import java.util.Locale;

/** The few lines a user sees; everything else goes to the log files. */
public final class Status {

	private Status() {
	}

	public static void line(String who, String message) {
		System.out.printf("%-18s %s%n", "[" + who + "]", message);
	}

	public static String seconds(long startNanos) {
		return String.format(Locale.ROOT, "%.1f s",
				Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
	}

}
