package se.kedja.support.logging;

import java.util.regex.Pattern;

/** What must never reach a log, and its masked form. */
public final class SensitiveText {

	/**
	 * A Swedish personal or co-ordination number, 10 or 12 digits, with or without
	 * separator.
	 */
	static final Pattern PERSONNUMMER = Pattern.compile(
			"(?<![\\d-])(?:19|20)?\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])[-+]?\\d{4}(?![\\d-])");

	static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

	static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

	private SensitiveText() {
	}

	public static boolean contains(String text) {
		return PERSONNUMMER.matcher(text).find() || BEARER.matcher(text).find() || JWT.matcher(text).find();
	}

	public static String mask(String text) {
		String masked = BEARER.matcher(text).replaceAll("$1[masked]");
		masked = JWT.matcher(masked).replaceAll("[masked-token]");
		return PERSONNUMMER.matcher(masked).replaceAll("[masked-pnr]");
	}

}
