package se.kedja.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * Commands as a coach sends them, in the seed project Orangeriet: an enrolment with a
 * fresh test personnummer (the demo data's series 980–999, Luhn-checked), then follow-ups
 * and survey answers on the same case.
 */
final class Cases {

	static final String PROJECT = "orangeriet";

	private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 100_000);

	private final Api api;

	private final LocalDate day;

	Cases(Api api, LocalDate day) {
		this.api = api;
		this.day = day;
	}

	/** The business date of the suite's commands. */
	LocalDate day() {
		return this.day;
	}

	/**
	 * A day inside the project's period and not in the future, from progress-service's
	 * list of projects (the demo moves the periods).
	 */
	static LocalDate dayInPeriod(Api api) {
		Api.Answer answer = api.get(Api.PROGRESS, "/api/projects", api.loaderToken(), Map.of());
		LocalDate today = LocalDate.now();
		if (answer.ok()) {
			for (JsonNode project : answer.json()) {
				if (PROJECT.equals(project.path("id").asString())) {
					LocalDate start = LocalDate.parse(project.path("periodStart").asString());
					LocalDate end = LocalDate.parse(project.path("periodEnd").asString());
					LocalDate last = end.isBefore(today) ? end : today;
					LocalDate middle = start.plusDays((last.toEpochDay() - start.toEpochDay()) / 2);
					return middle.isBefore(start) ? start : middle;
				}
			}
		}
		return LocalDate.of(2010, 6, 1);
	}

	/** Enrols a participant; the answer's {@code participantId} names the case. */
	Api.Answer enrol() {
		return this.api.post("/api/projects/" + PROJECT + "/participants", enrolment(NEXT.incrementAndGet()));
	}

	static String participantId(Api.Answer enrolled) {
		return enrolled.json().path("participantId").asString();
	}

	Api.Answer followUp(String participantId, int step) {
		if (step % 2 == 0) {
			return this.api.post("/api/participants/" + participantId + "/follow-ups",
					Map.of("heldOn", this.day.toString(), "progress", List.of(), "accessibilityReviewed", true,
							"ownAssessment", "UNCHANGED"));
		}
		return this.api.post("/api/participants/" + participantId + "/survey-answers",
				Map.of("answeredOn", this.day.toString(), "questionKey", "chances-of-work-increased", "answer", "yes"));
	}

	private Map<String, Object> enrolment(long n) {
		LocalDate born = LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(n * 7919, 365L * 40));
		boolean female = n % 2 == 0;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Bench Deltagare " + n);
		body.put("personnummer", personnummer(born, female, (int) (n / (365L * 40))));
		body.put("siteId", "katrineholm-vingaker");
		body.put("coachId", "coach-bench");
		body.put("responsibleActor", PROJECT);
		body.put("enrolledOn", this.day.toString());
		body.put("gender", female ? "FEMALE" : "MALE");
		body.put("municipality", "0428");
		body.put("targetGroups", List.of("long-term-unemployed"));
		body.put("entrySituations", List.of("LONG_TERM_UNEMPLOYED"));
		body.put("monthsWithoutWork", 14);
		body.put("isced", "ISCED_3_4");
		body.put("foreignBackground", false);
		body.put("consentToStatistics", true);
		return body;
	}

	/** {@code YYYYMMDD-NNNC} with a birth number in the test series 980–999. */
	static String personnummer(LocalDate born, boolean female, int serialIndex) {
		int serial = 980 + 2 * Math.floorMod(serialIndex, 10) + (female ? 0 : 1);
		String date = "%04d%02d%02d".formatted(born.getYear(), born.getMonthValue(), born.getDayOfMonth());
		String nine = date.substring(2) + serial;
		int sum = 0;
		for (int i = 0; i < nine.length(); i++) {
			int digit = (nine.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (digit > 9) ? digit - 9 : digit;
		}
		return date + "-" + serial + ((10 - sum % 10) % 10);
	}

}
