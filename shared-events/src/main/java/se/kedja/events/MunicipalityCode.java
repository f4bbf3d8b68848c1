package se.kedja.events;

import java.util.regex.Pattern;

/**
 * A Swedish municipality (kommun) by its four-digit SCB code, e.g. {@code 0562} for
 * Finspång.
 */
public record MunicipalityCode(String value) {

	private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

	public MunicipalityCode {
		if (!FOUR_DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("A municipality code has four digits, not '" + value + "'");
		}
	}

	public static MunicipalityCode of(String value) {
		return new MunicipalityCode(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
