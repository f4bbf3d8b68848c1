package se.kedja.demo.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.kedja.demo.generate.ParticipantHistory;

/**
 * The participants as a spreadsheet would hold them: one row per enrolment, with the
 * columns of the enrolment request (lists joined by {@code ;}), RFC 4180 quoting.
 */
public final class Csv {

	static final List<String> COLUMNS = List.of("participant", "project", "name", "personnummer", "siteId", "coachId",
			"responsibleActor", "enrolledOn", "gender", "municipality", "targetGroups", "entrySituations",
			"monthsWithoutWork", "isced", "disability", "foreignBackground", "consentToStatistics");

	private Csv() {
	}

	/**
	 * @return how many participants were written
	 */
	public static long write(Stream<ParticipantHistory> histories, Writer out) {
		long[] rows = { 0 };
		try {
			out.write(String.join(",", COLUMNS) + "\r\n");
			histories.forEachOrdered((history) -> {
				Map<String, Object> enrolment = history.commands().get(0).body();
				String row = COLUMNS.stream().map((column) -> switch (column) {
					case "participant" -> history.participant();
					case "project" -> history.project();
					default -> text(enrolment.get(column));
				}).map(Csv::quote).collect(Collectors.joining(","));
				try {
					out.write(row + "\r\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				rows[0]++;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows[0];
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).collect(Collectors.joining(";"))
				: String.valueOf(value);
	}

	private static String quote(String value) {
		return (value.contains(",") || value.contains("\"") || value.contains("\n"))
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
