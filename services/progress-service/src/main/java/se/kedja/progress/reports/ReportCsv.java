package se.kedja.progress.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funder's file format: UTF-8 without byte order mark, semicolon-separated, CRLF line
 * ends, a header line, a value quoted only when it holds a semicolon, a quote or a line
 * break. Reading gives back exactly what was written.
 */
public final class ReportCsv {

	private ReportCsv() {
	}

	public static byte[] write(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		line(out, header);
		rows.forEach((row) -> line(out, row));
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Rows by their first value, in file order, without the header. */
	public static Map<String, List<String>> rowsByKey(byte[] content) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		List<List<String>> lines = read(content);
		lines.subList(1, lines.size()).forEach((row) -> rows.put(row.get(0), row));
		return rows;
	}

	public static List<List<String>> read(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		List<List<String>> lines = new ArrayList<>();
		List<String> current = new ArrayList<>();
		StringBuilder value = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					value.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					value.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ';') {
				current.add(value.toString());
				value.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				current.add(value.toString());
				value.setLength(0);
				lines.add(current);
				current = new ArrayList<>();
				i++;
			}
			else {
				value.append(c);
			}
		}
		if (!current.isEmpty() || !value.isEmpty()) {
			current.add(value.toString());
			lines.add(current);
		}
		return lines;
	}

	private static void line(StringBuilder out, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(';');
			}
			out.append(escape(values.get(i)));
		}
		out.append("\r\n");
	}

	private static String escape(String value) {
		if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
