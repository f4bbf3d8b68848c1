package se.kedja.cases.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import se.kedja.cases.Api;
import se.kedja.cases.CaseServiceIntegrationTest;
import se.kedja.cases.Fixtures;
import se.kedja.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@CaseServiceIntegrationTest
class ImportIntegrationTest {

	private static final String IMPORTS = "/api/projects/orangeriet/imports";

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> HEADER = List.of("command", "participant", "personnummer", "name", "address",
			"siteId", "coachId", "responsibleActor", "enrolledOn", "gender", "municipality", "targetGroups",
			"entrySituations", "monthsWithoutWork", "isced", "consentToStatistics", "agreedOn", "goals",
			"plannedActivities", "accessibilityNeeds", "heldOn", "progress", "accessibilityReviewed", "ownAssessment",
			"exitedOn", "reason", "outcome", "daysAfterExit", "followedUpOn", "status");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	RestClient http;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.get().unrestricted("coach-anna"))
			.build();
	}

	@Test
	void a_csv_with_bom_quotes_and_swedish_letters_records_its_good_lines_and_reports_the_bad() {
		String ref = "csv-" + System.nanoTime();
		long before = caseload();
		List<Map<String, String>> rows = List.of(enrol(ref, Fixtures.personnummer(), "Åsa Öberg-Ängström"),
				plan(ref, "2010-03-15"), followUp(ref), exit(ref), postExit(ref),
				with(enrol(ref + "-b", Fixtures.personnummer(), "Bo"), "gender", "KVINNA"), exit(ref + "-c"),
				with(enrol(ref + "-d", Fixtures.personnummer(), "Di"), "enrolledOn", "2030-01-01"),
				plan(ref, "2010-03-20"));
		byte[] file = ("\uFEFF" + csv(rows, ',')).getBytes(StandardCharsets.UTF_8);

		JsonNode job = finished(post(file, CSV, false));

		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("linesRead").asLong()).isEqualTo(9);
		assertThat(job.path("accepted").asLong()).isEqualTo(5);
		assertThat(job.path("rejected").asLong()).isEqualTo(4);
		String importId = job.path("importId").asString();
		assertThat(eventsOf(importId)).as(this.jdbc
			.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry ORDER BY global_index DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo(5);
		assertThat(caseload()).isEqualTo(before + 1);
		List<String> report = report(importId);
		assertThat(report.get(0)).startsWith("\uFEFFline,outcome,command,participant,column,code,reason_sv,reason_en");
		assertThat(report).anySatisfy((line) -> assertThat(line).startsWith("7,rejected,enrol").contains(",gender,"));
		assertThat(report)
			.anySatisfy((line) -> assertThat(line).startsWith("8,rejected,exit").contains("unknown-participant"));
		assertThat(report).anySatisfy((line) -> assertThat(line).startsWith("9,rejected,enrol")
			.contains(",enrolledOn,date-in-future,Datumet ligger i framtiden.,The date is in the future."));
		assertThat(report)
			.anySatisfy((line) -> assertThat(line).startsWith("10,rejected,plan").contains("already-exited"));

		JsonNode again = finished(post(file, CSV, false));
		assertThat(again.path("alreadyImported").asLong()).isEqualTo(5);
		assertThat(again.path("accepted").asLong()).isZero();
		assertThat(eventsOf(again.path("importId").asString())).isZero();
		assertThat(report(again.path("importId").asString()))
			.anySatisfy((line) -> assertThat(line).startsWith("2,already-imported"));
		assertThat(caseload()).isEqualTo(before + 1);

		Api.Response undo = this.api.exchange(org.springframework.http.HttpMethod.DELETE, IMPORTS + "/" + importId,
				null, Map.of());
		assertThat(undo.status()).as(undo.toString()).isEqualTo(202);
		JsonNode undone = await(importId, "REVERTED");
		assertThat(undone.path("casesReverted").asInt()).isEqualTo(1);
		assertThat(caseload()).isEqualTo(before);
		assertThat(eventsOf(importId)).as("nothing is deleted from the store").isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?")
			.param("%ImportedEventsRetracted")
			.query(Long.class)
			.single()).isPositive();

		JsonNode reimported = finished(post(file, CSV, false));
		assertThat(reimported.path("accepted").asLong()).as("undone lines may be imported again").isEqualTo(5);
	}

	@Test
	void a_semicolon_csv_is_read_with_its_quoted_fields() {
		String ref = "semi-" + System.nanoTime();
		long before = caseload();
		Map<String, String> first = enrol(ref, Fixtures.personnummer(), "Per; Persson");
		first.put("address", "Gatan 2; 612 30 Finspång");
		byte[] file = csv(List.of(first, enrol(ref + "-2", Fixtures.personnummer(), "Märta Ölund")), ';')
			.getBytes(StandardCharsets.UTF_8);
		JsonNode job = finished(post(file, CSV, false));
		assertThat(job.path("accepted").asLong()).as(job.toString()).isEqualTo(2);
		assertThat(caseload()).isEqualTo(before + 2);
	}

	@Test
	void ndjson_lines_as_demo_data_writes_them_are_imported_and_bad_lines_reported() {
		String ref = "nd-" + System.nanoTime();
		Map<String, Object> enrol = new LinkedHashMap<>();
		enrol.put("command", "enrol");
		enrol.put("participant", ref);
		enrol.put("project", "orangeriet");
		enrol.putAll(Fixtures.enrolment());
		String lines = JSON.writeValueAsString(enrol) + "\n" + JSON.writeValueAsString(Map.of("command", "consent",
				"participant", ref, "givenOn", "2010-03-02", "actors", List.of("forsakringskassan")))
				+ "\n{not json\n\n"
				+ JSON.writeValueAsString(Map.of("command", "exit", "participant", ref, "exitedOn", "2010-09-30",
						"reason", "PLAN_COMPLETED", "outcome", "EMPLOYMENT", "salary", "high"))
				+ "\n" + JSON.writeValueAsString(Map.of("command", "teleport", "participant", ref)) + "\n";
		JsonNode job = finished(post(lines.getBytes(StandardCharsets.UTF_8), NDJSON, false));
		assertThat(job.path("accepted").asLong()).as(job.toString()).isEqualTo(2);
		assertThat(job.path("rejected").asLong()).isEqualTo(3);
		List<String> report = report(job.path("importId").asString());
		assertThat(report).anySatisfy((line) -> assertThat(line).startsWith("3,rejected").contains("malformed-json"));
		assertThat(report)
			.anySatisfy((line) -> assertThat(line).startsWith("5,rejected,exit").contains(",salary,unknown-field"));
		assertThat(report)
			.anySatisfy((line) -> assertThat(line).startsWith("6,rejected,teleport").contains("unknown-command"));
	}

	@Test
	void an_xlsx_workbook_is_read_as_a_stream_with_date_and_number_cells() throws IOException {
		String ref = "xlsx-" + System.nanoTime();
		long before = caseload();
		byte[] workbook = workbook(List.of(enrol(ref, Fixtures.personnummer(), "Åke Xlsxsson"), exit(ref)));
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(XLSX);
		parts.add("file", new org.springframework.http.HttpEntity<>(new ByteArrayResource(workbook) {
			@Override
			public String getFilename() {
				return "import.xlsx";
			}
		}, partHeaders));
		String body = this.http.post()
			.uri(IMPORTS)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange((request, response) -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
		JsonNode job = finished(JSON.readTree(body));
		assertThat(job.path("format").asString()).isEqualTo("XLSX");
		assertThat(job.path("accepted").asLong()).as(report(job.path("importId").asString()).toString()).isEqualTo(2);
		assertThat(caseload()).isEqualTo(before + 1);
	}

	@Test
	void a_dry_run_reports_every_line_and_records_nothing() {
		String ref = "dry-" + System.nanoTime();
		long before = caseload();
		byte[] file = csv(List.of(enrol(ref, Fixtures.personnummer(), "Dry Körning"), plan(ref, "2010-03-15"),
				exit(ref), with(exit(ref), "exitedOn", "2010-10-01")), ',')
			.getBytes(StandardCharsets.UTF_8);
		JsonNode dry = finished(post(file, CSV, true));
		assertThat(dry.path("dryRun").asBoolean()).isTrue();
		assertThat(dry.path("accepted").asLong()).as(report(dry.path("importId").asString()).toString()).isEqualTo(3);
		assertThat(dry.path("rejected").asLong()).isEqualTo(1);
		assertThat(eventsOf(dry.path("importId").asString())).isZero();
		assertThat(caseload()).isEqualTo(before);
		JsonNode real = finished(post(file, CSV, false));
		assertThat(real.path("accepted").asLong()).as(report(real.path("importId").asString()).toString()).isEqualTo(3);
		assertThat(caseload()).isEqualTo(before + 1);
	}

	@Test
	void bad_files_are_refused_with_a_problem() throws IOException {
		assertThat(problem(post("command,name\nenrol,Åsa\n".getBytes(StandardCharsets.ISO_8859_1), CSV)))
			.isEqualTo("wrong-encoding");
		assertThat(problem(post("\uFEFF\n\n".getBytes(StandardCharsets.UTF_8), CSV))).isEqualTo("empty-file");
		assertThat(problem(post("kommando,namn\nenrol,Åsa\n".getBytes(StandardCharsets.UTF_8), CSV)))
			.isEqualTo("unknown-header");
		assertThat(problem(post("command,name\n".getBytes(StandardCharsets.UTF_8), XLSX)))
			.isEqualTo("not-a-spreadsheet");
		assertThat(problem(post(zipBomb(), XLSX))).isEqualTo("zip-bomb");
		assertThat(post("x".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_PDF).status()).isEqualTo(415);
		assertThat(this.api.get("/api/projects/nowhere/imports/" + java.util.UUID.randomUUID()).status())
			.isEqualTo(404);
	}

	@Test
	void a_file_over_the_size_limit_is_refused_with_413_and_starts_no_import() {
		long before = caseload();
		long jobs = this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single();
		byte[] header = "command,participant,personnummer,name\n".getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[51 * 1024 * 1024];
		java.util.Arrays.fill(file, (byte) '\n');
		System.arraycopy(header, 0, file, 0, header.length);
		Api.Response overFileLimit = post(file, CSV);
		assertThat(overFileLimit.status()).as(overFileLimit.toString()).isEqualTo(413);
		assertThat(problem(overFileLimit)).isEqualTo("file-too-large");
		byte[] overRequestLimit = new byte[65 * 1024 * 1024];
		java.util.Arrays.fill(overRequestLimit, (byte) '\n');
		System.arraycopy(header, 0, overRequestLimit, 0, header.length);
		Api.Response refused = post(overRequestLimit, CSV);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
		assertThat(problem(refused)).isEqualTo("payload-too-large");
		assertThat(caseload()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single()).isEqualTo(jobs);
	}

	@Test
	void the_templates_are_importable_as_they_are() {
		Api.Response csv = this.api.get(IMPORTS + "/template.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.text()).startsWith("command,participant,personnummer");
		assertThat(csv.text()).contains("post-exit-follow-up");
		byte[] xlsx = this.http.get()
			.uri(IMPORTS + "/template.xlsx")
			.exchange((request, response) -> response.getBody().readAllBytes());
		assertThat(xlsx).startsWith('P', 'K', 3, 4);
		JsonNode job = finished(post(csv.text().getBytes(StandardCharsets.UTF_8), CSV, true));
		assertThat(job.path("rejected").asLong()).as(report(job.path("importId").asString()).toString()).isZero();
	}

	private Api.Response post(byte[] file, MediaType type) {
		return this.http.post().uri(IMPORTS).contentType(type).body(file).exchange((request, response) -> {
			String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
			return new Api.Response(response.getStatusCode().value(), response.getHeaders(),
					text.isBlank() ? JSON.missingNode() : JSON.readTree(text), text);
		});
	}

	private JsonNode post(byte[] file, MediaType type, boolean dryRun) {
		Api.Response response = this.http.post()
			.uri(IMPORTS + "?dryRun=" + dryRun)
			.contentType(type)
			.body(file)
			.exchange((request, r) -> {
				String text = new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
				return new Api.Response(r.getStatusCode().value(), r.getHeaders(), JSON.readTree(text), text);
			});
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.headers().getLocation()).isNotNull();
		return response.body();
	}

	private static String problem(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
		return response.problemType().replace("https://kedja.se/problems/", "");
	}

	private JsonNode finished(JsonNode started) {
		return await(started.path("importId").asString(), "DONE", "FAILED");
	}

	private JsonNode await(String importId, String... statuses) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			JsonNode job = this.api.get(IMPORTS + "/" + importId).body();
			if (List.of(statuses).contains(job.path("status").asString()) || Instant.now().isAfter(deadline)) {
				return job;
			}
			sleep();
		}
	}

	private List<String> report(String importId) {
		return List.of(this.api.get(IMPORTS + "/" + importId + "/report.csv").text().split("\r\n"));
	}

	private long eventsOf(String importId) {
		return this.jdbc
			.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%DeadlineMissed' "
					+ "AND convert_from(meta_data, 'UTF8') LIKE ?")
			.param("%\"importId\":\"" + importId + "\"%")
			.query(Long.class)
			.single();
	}

	private long caseload() {
		return this.api.get("/api/projects/orangeriet/participants?size=1").body().path("total").asLong();
	}

	static Map<String, String> enrol(String ref, String personnummer, String name) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("command", "enrol");
		row.put("participant", ref);
		row.put("personnummer", personnummer);
		row.put("name", name);
		row.put("address", "Storgatan 1, \"Gula huset\", Finspång");
		row.put("siteId", "finspang");
		row.put("coachId", "coach-anna");
		row.put("responsibleActor", "orangeriet");
		row.put("enrolledOn", "2010-03-01");
		row.put("gender", "FEMALE");
		row.put("municipality", "0562");
		row.put("targetGroups", "long-term-unemployed");
		row.put("monthsWithoutWork", "14");
		row.put("isced", "ISCED_3_4");
		row.put("consentToStatistics", "ja");
		return row;
	}

	static Map<String, String> plan(String ref, String on) {
		return new LinkedHashMap<>(Map.of("command", "plan", "participant", ref, "agreedOn", on, "goals",
				"[{\"key\":\"g1\",\"area\":\"WORK\"}]", "plannedActivities", "[]", "accessibilityNeeds", "[]"));
	}

	static Map<String, String> followUp(String ref) {
		return new LinkedHashMap<>(Map.of("command", "follow-up", "participant", ref, "heldOn", "2010-04-15",
				"progress", "[{\"goalKey\":\"g1\",\"level\":\"STARTED\"}]", "accessibilityReviewed", "nej",
				"ownAssessment", "BETTER"));
	}

	static Map<String, String> exit(String ref) {
		return new LinkedHashMap<>(Map.of("command", "exit", "participant", ref, "exitedOn", "2010-09-30", "reason",
				"PLAN_COMPLETED", "outcome", "EMPLOYMENT"));
	}

	static Map<String, String> postExit(String ref) {
		return new LinkedHashMap<>(Map.of("command", "post-exit-follow-up", "participant", ref, "daysAfterExit", "90",
				"followedUpOn", "2011-01-03", "status", "EMPLOYMENT"));
	}

	static Map<String, String> with(Map<String, String> row, String column, String value) {
		Map<String, String> changed = new LinkedHashMap<>(row);
		changed.put(column, value);
		return changed;
	}

	static String csv(List<Map<String, String>> rows, char separator) {
		StringBuilder csv = new StringBuilder(String.join(String.valueOf(separator), HEADER)).append("\r\n");
		for (Map<String, String> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String column : HEADER) {
				String value = row.getOrDefault(column, "");
				boolean quote = value.indexOf(separator) >= 0 || value.contains("\"") || value.contains(",");
				cells.add(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
			}
			csv.append(String.join(String.valueOf(separator), cells)).append("\r\n");
		}
		return csv.toString();
	}

	private static byte[] workbook(List<Map<String, String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("import");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADER.size(); i++) {
				header.createCell(i).setCellValue(HEADER.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < HEADER.size(); i++) {
					String value = rows.get(r).get(HEADER.get(i));
					if (value == null) {
						continue;
					}
					if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
						row.createCell(i).setCellValue(LocalDate.parse(value));
						row.getCell(i).setCellStyle(date);
					}
					else if (value.matches("\\d{1,3}") && !HEADER.get(i).equals("municipality")) {
						row.createCell(i).setCellValue(Integer.parseInt(value));
					}
					else {
						row.createCell(i).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** A real workbook whose sheet is padded with 20 MB of spaces: inflates 1000:1. */
	private static byte[] zipBomb() throws IOException {
		byte[] real = workbook(List.of(exit("bomb")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(real));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
					zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1024 * 1024];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 20; i++) {
						zip.write(spaces);
					}
					zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
