package se.kedja.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first sheet of an XLSX workbook, read with POI's event model (SAX over the sheet's
 * XML, never the whole workbook in memory). Row 1 is the header. Dates in date-formatted
 * cells become ISO dates, whole numbers lose their decimals. Zip bombs are refused by
 * POI's inflate-ratio and entry-size checks (set in {@link ImportUploads}).
 */
final class XlsxLines implements LineSource {

	private final Path file;

	private final JsonMapper json;

	private volatile double fraction;

	XlsxLines(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
	}

	/** Row 1 of the first sheet. */
	static List<String> header(Path file) throws IOException {
		List<String> header = new ArrayList<>();
		try {
			read(file, (row, cells) -> {
				header.addAll(cells);
				throw new Stop();
			});
		}
		catch (Stop stop) {
			// the header is all we wanted
		}
		return header;
	}

	@Override
	public void forEach(Consumer<ImportLine> handler) throws IOException {
		List<String> header = new ArrayList<>();
		read(this.file, (row, cells) -> {
			if (header.isEmpty()) {
				header.addAll(cells);
			}
			else if (cells.stream().anyMatch((cell) -> !cell.isBlank())) {
				handler.accept(ImportLine.of(row + 1, Columns.row(this.json, header, cells)));
			}
		});
		this.fraction = 1;
	}

	@Override
	public double fractionRead() {
		return this.fraction;
	}

	interface RowHandler {

		void row(int number, List<String> cells);

	}

	private static void read(Path file, RowHandler rows) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = SAXHelper.newXMLReader();
				parser.setContentHandler(
						new XSSFSheetXMLHandler(styles, null, strings, new Rows(rows), new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException ex) {
			if (ex.getCause() instanceof Stop stop) {
				throw stop;
			}
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler rows;

		private final List<String> cells = new ArrayList<>();

		private int row;

		Rows(RowHandler rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.row = rowNum;
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			this.rows.row(this.row, List.copyOf(this.cells));
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = new CellReference(cellReference).getCol();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add((formattedValue != null) ? formattedValue : "");
		}

	}

	private static final class IsoDates extends DataFormatter {

		IsoDates() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime date = DateUtil.getLocalDateTime(value);
				return date.toLocalDate().toString();
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return Long.toString((long) value);
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

	/** Ends reading once the header is known. */
	static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

}
