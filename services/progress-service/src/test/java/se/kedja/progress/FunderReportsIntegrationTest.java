package se.kedja.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.ExitOutcome;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

class FunderReportsIntegrationTest extends IntegrationTest {

	private static final String PROJECT = "funder-reports";

	private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2010, 1), YearMonth.of(2010, 2),
			YearMonth.of(2010, 3), YearMonth.of(2010, 4), YearMonth.of(2010, 5), YearMonth.of(2010, 6));

	@Test
	void late_corrections_leave_the_reports_as_sent_change_them_as_corrected_and_name_the_months_to_resend()
			throws Exception {
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(31, PROJECT, TestProject.SITES,
				LocalDate.of(2009, 8, 1), LocalDate.of(2011, 6, 30))
			.cases(150);
		publishProject(TestProject.defined(PROJECT, TestProject.goals()));
		publishInterleaved(cases, 31, 1);
		long events = cases.stream().mapToLong(List::size).sum();
		awaitEvents(events);

		Map<YearMonth, byte[]> sent = new LinkedHashMap<>();
		for (YearMonth month : MONTHS) {
			ResponseEntity<String> produced = post(reports() + "/" + month + "?cutOff="
					+ month.plusMonths(1).atDay(5).atStartOfDay(CaseGenerator.STOCKHOLM).toInstant());
			assertThat(produced.getStatusCode().value()).as(produced.getBody()).isEqualTo(201);
			JsonNode summary = JSON.readTree(produced.getBody());
			assertThat(summary.get("version").asInt()).isEqualTo(1);
			assertThat(summary.get("producedBy").asString()).isEqualTo("manager-maria");
			ResponseEntity<byte[]> report = bytes(reports() + "/" + month);
			assertThat(sha256(report.getBody())).isEqualTo(summary.get("sha256").asString());
			assertThat(report.getHeaders().getETag()).isEqualTo("\"" + summary.get("sha256").asString() + "\"");
			sent.put(month, report.getBody());
		}
		assertThat(new String(sent.get(YearMonth.of(2010, 3)), StandardCharsets.UTF_8))
			.startsWith("deltagare;startdatum;slutdatum;kon;fodelsear;");
		assertThat(overview().get("monthsToResend")).isEmpty();
		assertThat(overview().get("nextMonth").asString()).isEqualTo("2010-07");
		assertThat(problem(post(reports() + "/2010-09"))).isEqualTo("409 report-out-of-order");

		// Three late corrections, recorded today: an April exit's outcome, a March
		// starter's birth year, and a May exit moved to June.
		List<List<EventEnvelope<CaseEvent>>> uncorrected = cases.stream()
			.filter((c) -> c.stream().noneMatch((e) -> e.payload() instanceof CorrectionRecorded))
			.toList();
		List<EventEnvelope<CaseEvent>> a = find(uncorrected, (c) -> exitMonth(c).equals(YearMonth.of(2010, 4)),
				List.of());
		List<EventEnvelope<CaseEvent>> b = find(uncorrected,
				(c) -> startMonth(c).equals(YearMonth.of(2010, 3)) && exitMonth(c).isAfter(YearMonth.of(2010, 6)),
				List.of(a));
		List<EventEnvelope<CaseEvent>> c = find(uncorrected,
				(x) -> exitMonth(x).equals(YearMonth.of(2010, 5)) && startMonth(x).isBefore(YearMonth.of(2010, 5)),
				List.of(a, b));
		ParticipantExited aExit = (ParticipantExited) exit(a).payload();
		ExitOutcome newOutcome = (aExit.outcome() == ExitOutcome.EMPLOYMENT) ? ExitOutcome.EDUCATION
				: ExitOutcome.EMPLOYMENT;
		recordNow(a, new CorrectionRecorded(id(a), exit(a).eventId(), "participant-exited",
				Map.of("outcome", newOutcome.name()), LocalDate.now(), "outcome was misread"));
		ParticipantEnrolled bEnrolment = (ParticipantEnrolled) b.get(0).payload();
		int newBirthYear = bEnrolment.birthYear() + 1;
		recordNow(b, new CorrectionRecorded(id(b), b.get(0).eventId(), "participant-enrolled",
				Map.of("birthYear", Integer.toString(newBirthYear)), LocalDate.now(), "typo in birth year"));
		ParticipantExited cExit = (ParticipantExited) exit(c).payload();
		recordNow(c, new CorrectionRecorded(id(c), exit(c).eventId(), "participant-exited",
				Map.of("exitedOn", "2010-06-10"), LocalDate.now(), "left in June"));
		awaitEvents(events + 3);

		for (YearMonth month : MONTHS) {
			assertThat(bytes(reports() + "/" + month).getBody()).as("as reported " + month).isEqualTo(sent.get(month));
		}
		for (YearMonth month : List.of(YearMonth.of(2010, 1), YearMonth.of(2010, 2))) {
			assertThat(bytes(reports() + "/" + month + "/corrected").getBody()).isEqualTo(sent.get(month));
			assertThat(differences(month).get("differences")).isEmpty();
		}
		assertThat(bytes(reports() + "/2010-03/corrected").getBody()).isNotEqualTo(sent.get(YearMonth.of(2010, 3)));

		int year = bEnrolment.enrolledOn().getYear();
		int oldAge = year - bEnrolment.birthYear();
		int newAge = year - newBirthYear;
		List<String> bFields = new ArrayList<>(List.of("fodelsear:" + bEnrolment.birthYear() + "->" + newBirthYear,
				"alder_vid_start:" + oldAge + "->" + newAge));
		if ((oldAge < 25) != (newAge < 25)) {
			bFields.add("under_25:" + yesNo(oldAge < 25) + "->" + yesNo(newAge < 25));
		}
		if ((oldAge > 54) != (newAge > 54)) {
			bFields.add("over_54:" + yesNo(oldAge > 54) + "->" + yesNo(newAge > 54));
		}
		assertThat(describe(differences(YearMonth.of(2010, 3))))
			.containsExactly(id(b).value() + " changed " + String.join(", ", bFields));
		assertThat(describe(differences(YearMonth.of(2010, 4)))).containsExactly(
				id(a).value() + " changed " + "utfall_vid_avslut:" + aExit.outcome().name() + "->" + newOutcome.name());
		JsonNode may = differences(YearMonth.of(2010, 5)).get("differences");
		assertThat(may).hasSize(1);
		assertThat(may.get(0).get("participantId").asString()).isEqualTo(id(c).value().toString());
		assertThat(may.get(0).get("change").asString()).isEqualTo("removed");
		assertThat(field(may.get(0), "slutdatum")).isEqualTo(cExit.exitedOn() + "->null");
		assertThat(field(may.get(0), "utfall_vid_avslut")).isEqualTo(cExit.outcome().name() + "->null");
		JsonNode june = differences(YearMonth.of(2010, 6)).get("differences");
		assertThat(june).hasSize(1);
		assertThat(june.get(0).get("change").asString()).isEqualTo("added");
		assertThat(field(june.get(0), "slutdatum")).isEqualTo("null->2010-06-10");
		assertThat(field(june.get(0), "startdatum")).isNull();

		List<String> resend = List.of("2010-03", "2010-04", "2010-05", "2010-06");
		assertThat(strings(differences(YearMonth.of(2010, 1)).get("monthsToResend"))).isEqualTo(resend);
		assertThat(strings(overview().get("monthsToResend"))).isEqualTo(resend);
		assertThat(problem(post(reports() + "/2010-07"))).isEqualTo("409 report-out-of-order");
		assertThat(problem(post(reports() + "/2010-04"))).isEqualTo("409 report-out-of-order");

		ResponseEntity<String> resent = post(reports() + "/2010-03");
		assertThat(resent.getStatusCode().value()).as(resent.getBody()).isEqualTo(201);
		assertThat(JSON.readTree(resent.getBody()).get("version").asInt()).isEqualTo(2);
		assertThat(bytes(reports() + "/2010-03").getBody())
			.isEqualTo(bytes(reports() + "/2010-03/corrected").getBody());
		assertThat(bytes(reports() + "/2010-03?version=1").getBody()).isEqualTo(sent.get(YearMonth.of(2010, 3)));
		assertThat(strings(overview().get("monthsToResend"))).containsExactly("2010-04", "2010-05", "2010-06");
		assertThat(overview().get("nextMonth").asString()).isEqualTo("2010-04");
	}

	@Test
	void bad_months_and_unknown_projects_are_problems_not_errors() {
		publishProject(TestProject.defined("funder-bad-input", TestProject.goals()));
		awaitProgress("funder-bad-input", (p) -> true);
		String base = "/api/projects/funder-bad-input/reports/monthly/";
		assertThat(problem(post(base + "2010-13"))).isEqualTo("400 invalid-month");
		assertThat(problem(post(base + "march"))).isEqualTo("400 invalid-month");
		assertThat(problem(post(base + YearMonth.now().plusMonths(2)))).isEqualTo("400 future-month");
		assertThat(problem(post(base + "2010-03?cutOff=" + Instant.now().plusSeconds(86_400))))
			.isEqualTo("400 future-cut-off");
		assertThat(problem(post(base + "2010-03?cutOff=yesterday"))).isEqualTo("400 invalid-cut-off");
		assertThat(problem(post("/api/projects/no-such-project/reports/monthly/2010-03")))
			.isEqualTo("404 unknown-project");
		assertThat(problem(http().get().uri(base + "2010-03").retrieve().toEntity(String.class)))
			.isEqualTo("404 no-report");
		assertThat(problem(http().get().uri(base + "2010-03/differences").retrieve().toEntity(String.class)))
			.isEqualTo("404 no-report");
	}

	private static String reports() {
		return "/api/projects/" + PROJECT + "/reports/monthly";
	}

	private ResponseEntity<String> post(String path) {
		return http().post()
			.uri(path)
			.header("X-Kedja-User", "manager-maria")
			.header("X-Kedja-Role", "manager")
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<byte[]> bytes(String path) {
		ResponseEntity<byte[]> response = http().get().uri(path).retrieve().toEntity(byte[].class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response;
	}

	private JsonNode overview() {
		return get(reports());
	}

	private JsonNode differences(YearMonth month) {
		return get(reports() + "/" + month + "/differences");
	}

	private void awaitEvents(long events) {
		awaitProgress(PROJECT, (p) -> get("/api/admin/intake?projectId=" + PROJECT).get("events").asLong() == events);
	}

	private static String problem(ResponseEntity<String> response) {
		assertThat(response.getHeaders().getContentType().toString()).as(response.getBody()).contains("problem+json");
		return response.getStatusCode().value() + " " + JSON.readTree(response.getBody()).get("code").asString();
	}

	private static List<String> describe(JsonNode differences) {
		List<String> described = new ArrayList<>();
		for (JsonNode difference : differences.get("differences")) {
			List<String> fields = new ArrayList<>();
			for (JsonNode field : difference.get("fields")) {
				fields
					.add(field.get("field").asString() + ":" + text(field.get("from")) + "->" + text(field.get("to")));
			}
			described.add(difference.get("participantId").asString() + " " + difference.get("change").asString() + " "
					+ String.join(", ", fields));
		}
		return described;
	}

	private static String field(JsonNode difference, String name) {
		for (JsonNode field : difference.get("fields")) {
			if (field.get("field").asString().equals(name)) {
				return text(field.get("from")) + "->" + text(field.get("to"));
			}
		}
		return null;
	}

	private static String text(JsonNode value) {
		return (value == null || value.isNull()) ? "null" : value.asString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static String yesNo(boolean value) {
		return value ? "J" : "N";
	}

	private static List<EventEnvelope<CaseEvent>> find(List<List<EventEnvelope<CaseEvent>>> cases,
			Predicate<List<EventEnvelope<CaseEvent>>> test, List<List<EventEnvelope<CaseEvent>>> not) {
		return cases.stream()
			.filter((c) -> !not.contains(c))
			.filter(test)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the generator made no such case"));
	}

	private static YearMonth startMonth(List<EventEnvelope<CaseEvent>> c) {
		return YearMonth.from(((ParticipantEnrolled) c.get(0).payload()).enrolledOn());
	}

	/** The exit month, or a month far ahead for a case without exit. */
	private static YearMonth exitMonth(List<EventEnvelope<CaseEvent>> c) {
		return c.stream()
			.filter((e) -> e.payload() instanceof ParticipantExited)
			.map((e) -> YearMonth.from(((ParticipantExited) e.payload()).exitedOn()))
			.findFirst()
			.orElse(YearMonth.of(2999, 1));
	}

	private static EventEnvelope<CaseEvent> exit(List<EventEnvelope<CaseEvent>> c) {
		return c.stream().filter((e) -> e.payload() instanceof ParticipantExited).findFirst().orElseThrow();
	}

	private static ParticipantId id(List<EventEnvelope<CaseEvent>> c) {
		return c.get(0).payload().participantId();
	}

	/**
	 * Appends a correction to the case, recorded now (long after the months were sent).
	 */
	private static void recordNow(List<EventEnvelope<CaseEvent>> c, CaseEvent event) {
		EventEnvelope<CaseEvent> envelope = CaseGenerator.envelope(id(c), c.size(), event,
				new EventId(UUID.randomUUID()));
		publish(new EventEnvelope<>(envelope.eventId(), envelope.type(), envelope.schemaVersion(), envelope.streamId(),
				envelope.sequence(), envelope.businessDate(), Instant.now(), "coach-late", null, null, null, "", null,
				EventEnvelope.UNKNOWN_POSITION, event));
		producer().flush();
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
