package se.kedja.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies for a fictional participant in the Orangeriet seed project. */
public final class Fixtures {

	public static final String PROJECT = "orangeriet";

	private static final AtomicInteger SERIAL = new AtomicInteger(1);

	private Fixtures() {
	}

	/** A valid, unique personnummer born in 1985 (date + serial + Luhn check digit). */
	public static String personnummer() {
		int serial = SERIAL.getAndIncrement();
		String nine = "850101" + String.format("%03d", serial % 1000);
		int month = 1 + (serial / 1000) % 12;
		nine = "85" + String.format("%02d", month) + "01" + String.format("%03d", serial % 1000);
		return "19" + nine.substring(0, 6) + "-" + nine.substring(6) + luhn(nine);
	}

	static int luhn(String nine) {
		int sum = 0;
		for (int i = 0; i < nine.length(); i++) {
			int d = (nine.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (d > 9) ? d - 9 : d;
		}
		return (10 - sum % 10) % 10;
	}

	public static Map<String, Object> enrolment(String personnummer) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Testa Testsson");
		body.put("personnummer", personnummer);
		body.put("email", "testa@example.org");
		body.put("phone", "070-000 00 00");
		body.put("address", "Påhittad gata 1, 612 00 Finspång");
		body.put("siteId", "finspang");
		body.put("coachId", "coach-anna");
		body.put("responsibleActor", "orangeriet");
		body.put("enrolledOn", "2010-03-01");
		body.put("gender", "FEMALE");
		body.put("municipality", "0562");
		body.put("targetGroups", List.of("long-term-unemployed"));
		body.put("entrySituations", List.of());
		body.put("monthsWithoutWork", 14);
		body.put("isced", firstIsced());
		body.put("disability", null);
		body.put("foreignBackground", null);
		body.put("consentToStatistics", true);
		return body;
	}

	public static Map<String, Object> enrolment() {
		return enrolment(personnummer());
	}

	static String firstIsced() {
		return se.kedja.events.IscedBand.values()[0].name();
	}

}
