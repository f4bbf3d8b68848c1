package se.kedja.demo.generate;

import java.time.LocalDate;

/**
 * Personal identity numbers for people who do not exist: a real birth date, then a birth
 * number (födelsenummer) from the block {@value #FIRST_SERIAL} to {@value #LAST_SERIAL},
 * then the Luhn check digit. That block is the demo data's documented test series (see
 * the module's README); no other numbers are ever generated.
 */
public final class TestPersonnummer {

	public static final int FIRST_SERIAL = 980;

	public static final int LAST_SERIAL = 999;

	private TestPersonnummer() {
	}

	/**
	 * @param serialIndex 0 to 9; with the gender's parity it picks the birth number
	 * @return {@code YYYYMMDD-NNNC}
	 */
	static String of(LocalDate birthDate, boolean female, int serialIndex) {
		int serial = FIRST_SERIAL + 2 * Math.floorMod(serialIndex, 10) + (female ? 0 : 1);
		String date = "%04d%02d%02d".formatted(birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth());
		String nine = date.substring(2) + serial;
		return date + "-" + serial + checkDigit(nine);
	}

	static int checkDigit(String nineDigits) {
		int sum = 0;
		for (int i = 0; i < nineDigits.length(); i++) {
			int digit = (nineDigits.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (digit > 9) ? digit - 9 : digit;
		}
		return (10 - sum % 10) % 10;
	}

	/** Whether the text is one of ours: valid in form, Luhn and in the test series. */
	public static boolean isTestNumber(String text) {
		if (!text.matches("\\d{8}-\\d{4}")) {
			return false;
		}
		String ten = text.substring(2, 8) + text.substring(9);
		int serial = Integer.parseInt(text.substring(9, 12));
		try {
			LocalDate.parse(text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6, 8));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
		return serial >= FIRST_SERIAL && serial <= LAST_SERIAL
				&& checkDigit(ten.substring(0, 9)) == ten.charAt(9) - '0';
	}

}
