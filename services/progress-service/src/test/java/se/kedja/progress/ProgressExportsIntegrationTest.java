package se.kedja.progress;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;
import se.kedja.progress.reports.ReportCsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProgressExportsIntegrationTest extends IntegrationTest {

	private static final String PROJECT = "exports";

	private static final String AS_OF = "2010-12-31";

	private static final List<List<EventEnvelope<CaseEvent>>> CASES = new CaseGenerator(41, PROJECT, TestProject.SITES,
			TestProject.START, TestProject.END.minusDays(100))
		.cases(70);

	private static boolean published;

	@BeforeAll
	static void publishOnce() {
		if (!published) {
			publishProject(TestProject.defined(PROJECT, TestProject.goals()));
			publishInterleaved(CASES, 41, 1);
			published = true;
		}
	}

	@Test
	void the_workbook_has_goals_breakdowns_and_participants_with_the_figures_of_the_progress_api() throws Exception {
		JsonNode progress = awaitAll();
		ResponseEntity<byte[]> response = http().get().uri(export("xlsx")).retrieve().toEntity(byte[].class);
		assertThat(response.getHeaders().getContentType().toString()).contains("spreadsheetml");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
				.containsExactly("Mål (Goals)", "Fördelning (Breakdowns)", "Deltagare (Participants)");
			Sheet goals = workbook.getSheet("Mål (Goals)");
			assertThat(header(goals)).containsExactly("goal", "title", "kind", "unit", "actual", "target", "status",
					"forecast", "met", "of", "pending");
			assertThat(goals.getLastRowNum()).isEqualTo(progress.get("goals").size());
			for (int r = 1; r <= goals.getLastRowNum(); r++) {
				Row row = goals.getRow(r);
				JsonNode goal = goal(progress, row.getCell(0).getStringCellValue());
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(goal.get("title").asString());
				assertThat(row.getCell(4).getNumericCellValue()).as(goal.get("id").asString())
					.isCloseTo(goal.get("actual").asDouble(), within(1e-9));
				assertThat(row.getCell(6).getStringCellValue()).isEqualTo(goal.get("status").asString());
				assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(goal.get("met").asLong());
				assertThat((long) row.getCell(9).getNumericCellValue()).isEqualTo(goal.get("of").asLong());
			}

			Sheet breakdowns = workbook.getSheet("Fördelning (Breakdowns)");
			assertThat(header(breakdowns)).containsExactly("goal", "breakdown", "bucket", "actual", "met", "of",
					"pending");
			Map<String, Double> cells = new HashMap<>();
			for (int r = 1; r <= breakdowns.getLastRowNum(); r++) {
				Row row = breakdowns.getRow(r);
				cells.put(row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue() + "/"
						+ row.getCell(2).getStringCellValue(), row.getCell(3).getNumericCellValue());
			}
			assertThat(cells).hasSize(expectedBuckets(progress).size());
			expectedBuckets(progress).forEach((key, actual) -> assertThat(cells.get(key)).as(key).isEqualTo(actual));
			assertThat(cells.keySet()).anyMatch((key) -> key.startsWith("enrolled/gender/FEMALE"))
				.anyMatch((key) -> key.startsWith("enrolled/site/"))
				.anyMatch((key) -> key.startsWith("enrolled/entrySituation/"));

			Sheet participants = workbook.getSheet("Deltagare (Participants)");
			assertThat(header(participants)).startsWith("deltagare", "anordnare", "startdatum", "slutdatum", "kon");
			long enrolled = (long) goal(progress, "enrolled").get("actual").asDouble();
			assertThat(participants.getLastRowNum()).isEqualTo(enrolled);
			Map<String, Long> byGender = new HashMap<>();
			for (int r = 1; r <= participants.getLastRowNum(); r++) {
				Row row = participants.getRow(r);
				assertThat(row.getCell(0).getStringCellValue()).matches("[0-9a-f-]{36}");
				assertThat(LocalDate.parse(row.getCell(2).getStringCellValue()))
					.isBeforeOrEqualTo(LocalDate.parse(AS_OF));
				byGender.merge(row.getCell(4).getStringCellValue(), 1L, Long::sum);
			}
			for (JsonNode bucket : goal(progress, "enrolled").get("breakdowns").get("gender")) {
				assertThat(byGender.getOrDefault(bucket.get("bucket").asString(), 0L).doubleValue())
					.isEqualTo(bucket.get("actual").asDouble());
			}
		}
	}

	@Test
	void the_csv_has_every_goal_and_bucket_with_the_figures_of_the_progress_api() {
		JsonNode progress = awaitAll();
		ResponseEntity<byte[]> response = http().get().uri(export("csv")).retrieve().toEntity(byte[].class);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");

		List<List<String>> lines = ReportCsv.read(response.getBody());
		assertThat(lines.get(0)).containsExactly("goal", "title", "kind", "unit", "breakdown", "bucket", "actual",
				"target", "status", "forecast", "met", "of", "pending");
		Map<String, Double> totals = new HashMap<>();
		Map<String, Double> buckets = new HashMap<>();
		for (List<String> line : lines.subList(1, lines.size())) {
			double actual = Double.parseDouble(line.get(6).replace(',', '.'));
			if (line.get(4).equals("total")) {
				totals.put(line.get(0), actual);
				assertThat(line.get(8)).isEqualTo(goal(progress, line.get(0)).get("status").asString());
			}
			else {
				buckets.put(line.get(0) + "/" + line.get(4) + "/" + line.get(5), actual);
			}
		}
		assertThat(totals).hasSize(progress.get("goals").size());
		for (JsonNode goal : progress.get("goals")) {
			assertThat(totals.get(goal.get("id").asString())).as(goal.get("id").asString())
				.isCloseTo(goal.get("actual").asDouble(), within(1e-9));
		}
		assertThat(buckets).isEqualTo(expectedBuckets(progress));
		assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).startsWith("goal;title;");
	}

	@Test
	void the_summary_page_prints_every_goal_in_swedish_or_english() {
		JsonNode progress = awaitAll();
		String sv = http().get()
			.uri("/api/projects/" + PROJECT + "/progress/summary.html?asOf=" + AS_OF)
			.retrieve()
			.body(String.class);
		String en = http().get()
			.uri("/api/projects/" + PROJECT + "/progress/summary.html?lang=en&asOf=" + AS_OF)
			.retrieve()
			.body(String.class);
		assertThat(sv).contains("<html lang=\"sv\">", "Lägesrapport", "@page", "Kvinnor");
		assertThat(en).contains("<html lang=\"en\">", "Progress summary", "Women");
		for (JsonNode goal : progress.get("goals")) {
			assertThat(en).contains(goal.get("title").asString().replace("&", "&amp;"));
		}
		ResponseEntity<String> badLang = http().get()
			.uri("/api/projects/" + PROJECT + "/progress/summary.html?lang=de")
			.retrieve()
			.toEntity(String.class);
		assertThat(badLang.getStatusCode().value()).isEqualTo(400);
		assertThat(JSON.readTree(badLang.getBody()).get("code").asString()).isEqualTo("invalid-lang");
	}

	@Test
	void exports_of_a_future_day_or_an_unknown_project_are_problems() {
		ResponseEntity<String> future = http().get()
			.uri("/api/projects/" + PROJECT + "/progress/export.xlsx?asOf=" + LocalDate.now().plusDays(3))
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> unknown = http().get()
			.uri("/api/projects/no-such-project/progress/export.csv")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> malformed = http().get()
			.uri("/api/projects/" + PROJECT + "/progress/export.csv?asOf=31/12/2010")
			.retrieve()
			.toEntity(String.class);
		assertThat(future.getStatusCode().value()).isEqualTo(400);
		assertThat(JSON.readTree(future.getBody()).get("code").asString()).isEqualTo("future-as-of");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(malformed.getStatusCode().value()).isEqualTo(400);
		assertThat(future.getHeaders().getContentType().toString()).contains("problem+json");
	}

	private JsonNode awaitAll() {
		long events = CASES.stream().mapToLong(List::size).sum();
		awaitProgress(PROJECT, (p) -> get("/api/admin/intake?projectId=" + PROJECT).get("events").asLong() == events);
		return get("/api/projects/" + PROJECT + "/progress?asOf=" + AS_OF);
	}

	private static String export(String extension) {
		return "/api/projects/" + PROJECT + "/progress/export." + extension + "?asOf=" + AS_OF;
	}

	private static Map<String, Double> expectedBuckets(JsonNode progress) {
		Map<String, Double> expected = new HashMap<>();
		for (JsonNode goal : progress.get("goals")) {
			for (var breakdown : goal.get("breakdowns").properties()) {
				for (JsonNode bucket : breakdown.getValue()) {
					expected.put(goal.get("id").asString() + "/" + breakdown.getKey() + "/"
							+ bucket.get("bucket").asString(), bucket.get("actual").asDouble());
				}
			}
		}
		return expected;
	}

	private static List<String> header(Sheet sheet) {
		List<String> names = new ArrayList<>();
		sheet.getRow(0).forEach((cell) -> names.add(cell.getStringCellValue()));
		return names;
	}

}
