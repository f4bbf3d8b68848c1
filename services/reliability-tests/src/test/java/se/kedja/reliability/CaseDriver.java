package se.kedja.reliability;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writers at full speed through case-service's REST API: each enrols a participant and
 * records follow-ups and survey answers on the case, then starts on the next. Every
 * request carries an {@code Idempotency-Key} and is retried with it until it is answered,
 * so a command whose answer was lost to a crash is sent again — and must not count twice.
 */
final class CaseDriver implements AutoCloseable {

	static final String PROJECT = "orangeriet";

	private static final AtomicInteger PERSON = new AtomicInteger();

	private static final int COMMANDS_PER_CASE = 8;

	private final Supplier<String> caseService;

	private final Ledger ledger;

	private final List<Thread> writers = new ArrayList<>();

	private final int personOffset;

	private volatile boolean running = true;

	CaseDriver(Supplier<String> caseService, Ledger ledger, int writers) {
		this.caseService = caseService;
		this.ledger = ledger;
		this.personOffset = (int) (System.nanoTime() % 1000) * 10_000;
		for (int i = 0; i < writers; i++) {
			Thread writer = Thread.ofPlatform().name("writer-" + i).daemon().unstarted(this::write);
			this.writers.add(writer);
		}
	}

	CaseDriver start() {
		this.writers.forEach(Thread::start);
		return this;
	}

	@Override
	public void close() {
		this.running = false;
		for (Thread writer : this.writers) {
			try {
				writer.join(Duration.ofMinutes(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void write() {
		while (this.running) {
			String participant = enrol();
			if (participant == null) {
				return;
			}
			for (int n = 0; n < COMMANDS_PER_CASE && this.running; n++) {
				String path = "/api/participants/" + participant;
				boolean sent = (n % 2 == 0) ? send(participant, path + "/follow-ups", followUp(n))
						: send(participant, path + "/survey-answers", survey(n));
				if (!sent) {
					return;
				}
			}
		}
	}

	private String enrol() {
		Http.Response answer = until("/api/projects/" + PROJECT + "/participants", enrolment());
		if (answer == null) {
			return null;
		}
		String participant = answer.json().path("participantId").asString();
		this.ledger.acknowledged(participant, answer.json().path("version").asLong());
		return participant;
	}

	private boolean send(String participant, String path, Map<String, Object> body) {
		Http.Response answer = until(path, body);
		if (answer == null) {
			return false;
		}
		this.ledger.acknowledged(participant, answer.json().path("version").asLong());
		return true;
	}

	/**
	 * The 2xx answer, retried with the same key through crashes; null when stopped first.
	 */
	private Http.Response until(String path, Map<String, Object> body) {
		Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		boolean first = true;
		while (this.running) {
			if (!first) {
				this.ledger.retries.incrementAndGet();
			}
			first = false;
			try {
				Http.Response response = new Http(this.caseService.get()).post(path, body, headers);
				if (response.ok()) {
					return response;
				}
				if (response.status() >= 500) {
					this.ledger.serverError("POST " + path, response);
				}
				else if (response.status() == 409 && response.text().contains("concurrent-modification")) {
					continue;
				}
				else {
					this.ledger.refused("POST " + path, response);
					return null;
				}
			}
			catch (IOException ex) {
				this.ledger.connectionFailures.incrementAndGet();
			}
			Waits.pause(Duration.ofMillis(100));
		}
		return null;
	}

	private Map<String, Object> enrolment() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Testa Tillförlitlig");
		body.put("personnummer", personnummer(this.personOffset + PERSON.getAndIncrement()));
		body.put("email", "testa@example.org");
		body.put("phone", "070-000 00 00");
		body.put("address", "Påhittad gata 1, 612 00 Finspång");
		body.put("siteId", "finspang");
		body.put("coachId", "coach-anna");
		body.put("responsibleActor", "orangeriet");
		body.put("enrolledOn", "2010-03-01");
		body.put("gender", (PERSON.get() % 2 == 0) ? "FEMALE" : "MALE");
		body.put("municipality", "0562");
		body.put("targetGroups", List.of("long-term-unemployed"));
		body.put("entrySituations", List.of());
		body.put("monthsWithoutWork", 14);
		body.put("isced", "ISCED_0_2");
		body.put("disability", null);
		body.put("foreignBackground", null);
		body.put("consentToStatistics", true);
		return body;
	}

	private static Map<String, Object> followUp(int n) {
		return Map.of("heldOn", LocalDate.of(2010, 4, 1).plusDays(n).toString(), "progress", List.of(),
				"accessibilityReviewed", true, "ownAssessment", "BETTER");
	}

	private static Map<String, Object> survey(int n) {
		return Map.of("answeredOn", LocalDate.of(2010, 4, 1).plusDays(n).toString(), "questionKey", "q-" + n, "answer",
				"yes");
	}

	/**
	 * A valid personnummer for the serial: a birth date from 1950 on and a Luhn check
	 * digit, unique for a million serials.
	 */
	static String personnummer(int serial) {
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(serial / 900);
		String nine = "%02d%02d%02d%03d".formatted(born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(),
				100 + serial % 900);
		int sum = 0;
		for (int i = 0; i < nine.length(); i++) {
			int digit = (nine.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (digit > 9) ? digit - 9 : digit;
		}
		return born.getYear() / 100 + nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
	}

}
