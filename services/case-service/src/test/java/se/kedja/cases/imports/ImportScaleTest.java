package se.kedja.cases.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import se.kedja.cases.CaseServiceIntegrationTest;
import se.kedja.cases.Fixtures;
import se.kedja.testsupport.TestInfrastructure;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 NDJSON lines (20,000 people, five commands each, about 20 MB) through the real
 * service. Not part of the normal run; see docs/import-format.md for the command.
 */
@Tag("scale")
@EnabledIfSystemProperty(named = "kedja.scale", matches = "true")
@CaseServiceIntegrationTest
class ImportScaleTest {

	private static final int PEOPLE = Integer.getInteger("kedja.scale.people", 20_000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void a_hundred_thousand_lines_are_imported_with_a_capped_heap() throws IOException {
		TestInfrastructure.get();
		Path file = Files.createTempFile("kedja-scale-", ".ndjson");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < PEOPLE; i++) {
				for (Map<String, Object> line : person(i)) {
					out.write(JSON.writeValueAsString(line));
					out.write('\n');
				}
			}
		}
		long started = System.nanoTime();
		JsonNode job = JSON.readTree(http().post()
			.uri("/api/projects/orangeriet/imports")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.body(new FileSystemResource(file))
			.retrieve()
			.body(String.class));
		String importId = job.path("importId").asString();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
		List<Long> coachMillis = new java.util.ArrayList<>();
		while (!List.of("DONE", "FAILED").contains(job.path("status").asString()) && Instant.now().isBefore(deadline)) {
			sleep();
			coachMillis.add(aCoachWorksMeanwhile());
			job = JSON.readTree(
					http().get().uri("/api/projects/orangeriet/imports/" + importId).retrieve().body(String.class));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf(
				"SCALE: %d lines (%d MB) in %.0f s = %.0f lines/s; accepted %d, rejected %d; "
						+ "max heap %d MB; peak RSS (VmHWM) %s%n",
				job.path("linesRead").asLong(), Files.size(file) / (1024 * 1024), seconds,
				job.path("linesRead").asLong() / seconds, job.path("accepted").asLong(), job.path("rejected").asLong(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), vmHwm());
		List<Long> sorted = coachMillis.stream().sorted().toList();
		System.out.printf(
				"SCALE: meanwhile %d coach rounds (enrol + read the caseload), each answered 2xx; "
						+ "median %d ms, max %d ms per round%n",
				sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
		Files.deleteIfExists(file);
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("linesRead").asLong()).isEqualTo(PEOPLE * 5L);
		assertThat(job.path("rejected").asLong()).isZero();
	}

	/**
	 * A coach enrols someone and reads the caseload while the import runs: both must be
	 * answered (a refusal or a timeout fails the test); returns the round's milliseconds.
	 */
	private long aCoachWorksMeanwhile() {
		long started = System.nanoTime();
		var enrolled = http().post()
			.uri("/api/projects/orangeriet/participants")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Fixtures.enrolment())
			.retrieve()
			.toBodilessEntity();
		assertThat(enrolled.getStatusCode().value()).isEqualTo(201);
		var caseload = http().get()
			.uri("/api/projects/orangeriet/participants?size=20")
			.retrieve()
			.toEntity(String.class);
		assertThat(caseload.getStatusCode().value()).isEqualTo(200);
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** A fresh token each time: the run outlasts one. */
	private RestClient http() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.get().unrestricted("coach-anna"))
			.build();
	}

	private static List<Map<String, Object>> person(int i) {
		String ref = "scale-" + i;
		Map<String, Object> enrol = new LinkedHashMap<>();
		enrol.put("command", "enrol");
		enrol.put("participant", ref);
		enrol.putAll(Fixtures.enrolment(personnummer(i)));
		return List.of(enrol,
				Map.of("command", "plan", "participant", ref, "agreedOn", "2010-03-15", "goals",
						List.of(Map.of("key", "g1", "area", "WORK")), "plannedActivities", List.of(),
						"accessibilityNeeds", List.of()),
				Map.of("command", "follow-up", "participant", ref, "heldOn", "2010-04-15", "progress",
						List.of(Map.of("goalKey", "g1", "level", "STARTED")), "accessibilityReviewed", true,
						"ownAssessment", "BETTER"),
				Map.of("command", "exit", "participant", ref, "exitedOn", "2010-09-30", "reason", "PLAN_COMPLETED",
						"outcome", "EMPLOYMENT"),
				Map.of("command", "post-exit-follow-up", "participant", ref, "daysAfterExit", 90, "followedUpOn",
						"2011-01-03", "status", "EMPLOYMENT"));
	}

	/** Unique, valid test numbers: a birth date from 1940 on and a serial from 900 up. */
	private static String personnummer(int i) {
		LocalDate born = LocalDate.of(1940, 1, 1).plusDays(i % 18_000);
		String nine = "%02d%02d%02d%03d".formatted(born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(),
				900 + i / 18_000);
		int sum = 0;
		for (int k = 0; k < nine.length(); k++) {
			int d = (nine.charAt(k) - '0') * ((k % 2 == 0) ? 2 : 1);
			sum += (d > 9) ? d - 9 : d;
		}
		return born.getYear() + nine.substring(2, 6) + "-" + nine.substring(6) + ((10 - sum % 10) % 10);
	}

	private static String vmHwm() throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith("VmHWM"))
			.findFirst()
			.orElse("VmHWM: n/a")
			.replace("VmHWM:", "")
			.strip() + " (pid " + ManagementFactory.getRuntimeMXBean().getPid() + ")";
	}

	private static void sleep() {
		try {
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
