package se.kedja.cases.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The templates: one row per command, with the columns of the documented commands and an
 * example of each for one fictional person (test personnummer).
 */
final class ImportTemplates {

	static final List<String> COLUMNS = List.of("command", "participant", "personnummer", "name", "email", "phone",
			"address", "siteId", "coachId", "responsibleActor", "enrolledOn", "gender", "municipality", "targetGroups",
			"entrySituations", "monthsWithoutWork", "isced", "disability", "foreignBackground", "consentToStatistics",
			"agreedOn", "goals", "plannedActivities", "accessibilityNeeds", "agreedWith", "heldOn", "progress",
			"accessibilityReviewed", "ownAssessment", "exitedOn", "reason", "outcome", "daysAfterExit", "followedUpOn",
			"status");

	static final List<List<String>> EXAMPLES = List.of(
			row("command=enrol", "participant=exempel-1", "personnummer=19850101-0006", "name=Åsa Exempelsson",
					"siteId=finspang", "coachId=coach-anna", "responsibleActor=orangeriet", "enrolledOn=2010-03-01",
					"gender=FEMALE", "municipality=0562", "targetGroups=long-term-unemployed", "monthsWithoutWork=14",
					"isced=ISCED_3_4", "consentToStatistics=ja"),
			row("command=plan", "participant=exempel-1", "agreedOn=2010-03-15",
					"goals=[{\"key\":\"g1\",\"area\":\"WORK\"}]", "plannedActivities=[]", "accessibilityNeeds=[]"),
			row("command=follow-up", "participant=exempel-1", "heldOn=2010-04-15",
					"progress=[{\"goalKey\":\"g1\",\"level\":\"STARTED\"}]", "accessibilityReviewed=ja",
					"ownAssessment=BETTER"),
			row("command=exit", "participant=exempel-1", "exitedOn=2010-09-30", "reason=PLAN_COMPLETED",
					"outcome=EMPLOYMENT"),
			row("command=post-exit-follow-up", "participant=exempel-1", "daysAfterExit=90", "followedUpOn=2011-01-03",
					"status=EMPLOYMENT"));

	private ImportTemplates() {
	}

	static String csv() {
		StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
		for (List<String> example : EXAMPLES) {
			csv.append(example.stream().map(ImportStore.Csv::quote).collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	static byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("import");
			write(sheet.createRow(0), COLUMNS);
			for (int i = 0; i < EXAMPLES.size(); i++) {
				write(sheet.createRow(i + 1), EXAMPLES.get(i));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			row.createCell(i).setCellValue(cells.get(i));
		}
	}

	private static List<String> row(String... values) {
		String[] cells = new String[COLUMNS.size()];
		java.util.Arrays.fill(cells, "");
		for (String value : values) {
			int at = value.indexOf('=');
			cells[COLUMNS.indexOf(value.substring(0, at))] = value.substring(at + 1);
		}
		return List.of(cells);
	}

}
