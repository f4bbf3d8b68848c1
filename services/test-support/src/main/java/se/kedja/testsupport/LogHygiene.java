package se.kedja.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Greps the logs of a test run (surefire's per-class output files) for what must never be
 * logged: personal identity numbers, the test data's names and e-mail addresses, bearer
 * tokens and JWTs.
 */
public final class LogHygiene {

	/**
	 * A Swedish personal or co-ordination number, 10 or 12 digits, with or without
	 * separator; {@link #findings} also checks its Luhn digit. Not after {@code @}, where
	 * a number is a Java identity hash code ({@code Listener@1701886606}).
	 */
	static final Pattern PERSONNUMMER = Pattern.compile(
			"(?<![\\d@-])(?:19|20)?(\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01]))[-+]?(\\d{4})(?![\\d-])");

	static final Pattern TOKEN = Pattern
		.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{8,}|eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.");

	private LogHygiene() {
	}

	/** The surefire report folder of the module whose tests are running. */
	public static Path surefireReports() {
		return Path.of("target", "surefire-reports");
	}

	/**
	 * Every log line that holds a personal identity number, a token or one of the
	 * literals.
	 */
	public static List<String> findings(Path folder, List<String> literals) {
		List<String> findings = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return findings;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith("-output.txt")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					boolean found = holdsPersonnummer(line) || TOKEN.matcher(line).find()
							|| literals.stream().anyMatch(line::contains);
					if (found) {
						findings.add(file.getFileName() + ":" + (i + 1) + ": "
								+ line.substring(0, Math.min(300, line.length())));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return findings;
	}

	private static boolean holdsPersonnummer(String line) {
		Matcher candidate = PERSONNUMMER.matcher(line);
		while (candidate.find()) {
			if (luhnValid(candidate.group(1) + candidate.group(2))) {
				return true;
			}
		}
		return false;
	}

	private static boolean luhnValid(String tenDigits) {
		int sum = 0;
		for (int i = 0; i < tenDigits.length(); i++) {
			int digit = (tenDigits.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (digit > 9) ? digit - 9 : digit;
		}
		return sum % 10 == 0;
	}

}
