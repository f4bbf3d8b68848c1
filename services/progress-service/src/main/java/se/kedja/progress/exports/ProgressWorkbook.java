package se.kedja.progress.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The progress workbook. Sheet names cannot hold a slash, so each is named in Swedish
 * with the English in parentheses. Written streaming (SXSSF), a hundred rows in memory.
 */
final class ProgressWorkbook {

	static final String GOALS = "Mål (Goals)";

	static final String BREAKDOWNS = "Fördelning (Breakdowns)";

	static final String PARTICIPANTS = "Deltagare (Participants)";

	private ProgressWorkbook() {
	}

	static byte[] write(ProgressExport export) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			sheet(workbook, GOALS, ProgressExport.GOAL_COLUMNS, export.goalLines(), bold);
			sheet(workbook, BREAKDOWNS, ProgressExport.BREAKDOWN_COLUMNS, export.breakdownLines(), bold);
			sheet(workbook, PARTICIPANTS, ProgressExport.PARTICIPANT_COLUMNS, export.participantLines(), bold);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sheet(SXSSFWorkbook workbook, String name, List<String> header, List<List<Object>> lines,
			CellStyle bold) {
		Sheet sheet = workbook.createSheet(name);
		Row first = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			first.createCell(i).setCellValue(header.get(i));
			first.getCell(i).setCellStyle(bold);
		}
		sheet.createFreezePane(0, 1);
		for (int r = 0; r < lines.size(); r++) {
			Row row = sheet.createRow(r + 1);
			List<Object> line = lines.get(r);
			for (int c = 0; c < line.size(); c++) {
				Object value = line.get(c);
				if (value instanceof Number number) {
					row.createCell(c).setCellValue(number.doubleValue());
				}
				else {
					row.createCell(c).setCellValue(value.toString());
				}
			}
		}
	}

}
