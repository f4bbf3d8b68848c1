package se.kedja.cases.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personal identity number (personnummer) or co-ordination number
 * (samordningsnummer, day + 60), held in its twelve-digit form {@code YYYYMMDDNNNC}.
 */
public record Personnummer(String value) {

	private static final Pattern FORM = Pattern.compile("(\\d{2})?(\\d{6})([-+]?)(\\d{4})");

	public Personnummer {
		if (!value.matches("\\d{12}")) {
			throw new IllegalArgumentException("twelve digits");
		}
	}

	/**
	 * Reads {@code YYYYMMDD-NNNC}, {@code YYMMDD-NNNC} (a {@code +} for people of 100 or
	 * more), with or without the separator; empty if it is not a valid number.
	 */
	public static Optional<Personnummer> parse(String text, LocalDate today) {
		Matcher matcher = FORM.matcher(text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String century = matcher.group(1);
		String date = matcher.group(2);
		boolean hundredOrMore = "+".equals(matcher.group(3));
		String tail = matcher.group(4);
		if (!luhnValid(date + tail)) {
			return Optional.empty();
		}
		int yy = Integer.parseInt(date.substring(0, 2));
		int month = Integer.parseInt(date.substring(2, 4));
		int day = Integer.parseInt(date.substring(4, 6));
		if (day > 60) {
			day -= 60;
		}
		int year;
		if (century != null) {
			if (hundredOrMore) {
				return Optional.empty();
			}
			year = Integer.parseInt(century) * 100 + yy;
		}
		else {
			year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
			if (birthDate(year, month, day).filter(today::isBefore).isPresent()) {
				year -= 100;
			}
			if (hundredOrMore) {
				year -= 100;
			}
		}
		Optional<LocalDate> birth = birthDate(year, month, day);
		if (birth.isEmpty() || birth.get().isAfter(today)) {
			return Optional.empty();
		}
		return Optional.of(new Personnummer("%04d".formatted(year) + date.substring(2) + tail));
	}

	public LocalDate birthDate() {
		int day = Integer.parseInt(this.value.substring(6, 8));
		return LocalDate.of(Integer.parseInt(this.value.substring(0, 4)), Integer.parseInt(this.value.substring(4, 6)),
				(day > 60) ? day - 60 : day);
	}

	public boolean coordinationNumber() {
		return Integer.parseInt(this.value.substring(6, 8)) > 60;
	}

	private static Optional<LocalDate> birthDate(int year, int month, int day) {
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	static boolean luhnValid(String tenDigits) {
		int sum = 0;
		for (int i = 0; i < tenDigits.length(); i++) {
			int digit = tenDigits.charAt(i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	@Override
	public String toString() {
		return this.value.substring(0, 8) + "-****";
	}

}
