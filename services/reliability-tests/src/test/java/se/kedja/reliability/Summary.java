package se.kedja.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table the suite prints: one row per scenario, what it tried and what held. Written
 * to {@code target/reliability-summary.md} after every row, so a run that dies halfway
 * still leaves its figures.
 */
final class Summary {

	static final Path FILE = Path.of("target", "reliability-summary.md");

	private static final List<String> ROWS = new ArrayList<>();

	private static final String HEADER = """
			| scenario | faults injected | events written | events verified | lost | duplicates absorbed | 5xx | time | held |
			|---|---:|---:|---:|---:|---:|---:|---:|---|
			""";

	private Summary() {
	}

	static synchronized void row(String scenario, long faults, long written, long verified, long lost, long duplicates,
			long fiveXx, Duration took, boolean held, String note) {
		ROWS.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d s | %s |", scenario, faults,
				written, verified, lost, duplicates, fiveXx, took.toSeconds(),
				(held ? "yes" : "**no**") + (note.isBlank() ? "" : " — " + note.replace("|", "/"))));
		String table = HEADER + String.join("\n", ROWS) + "\n";
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE,
					"# Reliability suite (" + (Scale.longRun() ? "long run" : "CI size") + ")\n\n" + table);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println();
		System.out.println("Reliability suite so far:");
		System.out.println(table);
	}

}
