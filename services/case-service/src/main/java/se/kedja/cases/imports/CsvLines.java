package se.kedja.cases.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 4180 CSV in UTF-8, with or without a byte order mark; the separator (comma or
 * semicolon) is whichever the header line has more of. Quoted fields may hold separators,
 * quotes ({@code ""}) and line breaks.
 */
final class CsvLines implements LineSource {

	private final Path file;

	private final JsonMapper json;

	private final long size;

	private @Nullable CountingStream counter;

	CsvLines(Path file, JsonMapper json) throws IOException {
		this.file = file;
		this.json = json;
		this.size = Math.max(1, Files.size(file));
	}

	/** The header, or empty for an empty file. */
	static List<String> header(Path file) throws IOException {
		try (Parser parser = new Parser(open(file, null))) {
			List<String> header = parser.next();
			return (header != null) ? header : List.of();
		}
	}

	@Override
	public void forEach(Consumer<ImportLine> handler) throws IOException {
		this.counter = new CountingStream(Files.newInputStream(this.file));
		try (Parser parser = new Parser(open(this.file, this.counter))) {
			List<String> header = parser.next();
			if (header == null) {
				return;
			}
			for (long start = parser.line; true; start = parser.line) {
				List<String> cells = parser.next();
				if (cells == null) {
					return;
				}
				if (cells.size() == 1 && cells.get(0).isBlank()) {
					continue;
				}
				handler.accept(ImportLine.of(start, Columns.row(this.json, header, cells)));
			}
		}
	}

	@Override
	public double fractionRead() {
		return (this.counter != null) ? (double) this.counter.count() / this.size : 0;
	}

	private static Reader open(Path file, @Nullable CountingStream counted) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader((counted != null) ? counted : Files.newInputStream(file), StandardCharsets.UTF_8),
				64 * 1024);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private static final class Parser implements AutoCloseable {

		private final Reader in;

		private char separator;

		long line = 1;

		private int peeked = -2;

		Parser(Reader in) {
			this.in = in;
		}

		@Nullable List<String> next() throws IOException {
			int c = read();
			if (c < 0) {
				return null;
			}
			if (this.separator == 0) {
				return header(c);
			}
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean wasQuoted = false;
			while (c >= 0) {
				if (quoted) {
					if (c == '"') {
						int after = read();
						if (after == '"') {
							cell.append('"');
						}
						else {
							quoted = false;
							c = after;
							continue;
						}
					}
					else {
						if (c == '\n') {
							this.line++;
						}
						cell.append((char) c);
					}
				}
				else if (c == '"' && cell.isEmpty() && !wasQuoted) {
					quoted = true;
					wasQuoted = true;
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r') {
						int after = read();
						if (after != '\n') {
							this.peeked = after;
						}
					}
					this.line++;
					break;
				}
				else if (c == this.separator) {
					cells.add(cell.toString());
					cell.setLength(0);
					wasQuoted = false;
				}
				else {
					cell.append((char) c);
				}
				c = read();
			}
			cells.add(cell.toString());
			return cells;
		}

		private List<String> header(int first) throws IOException {
			StringBuilder raw = new StringBuilder();
			int c = first;
			while (c >= 0 && c != '\n' && c != '\r') {
				raw.append((char) c);
				c = read();
			}
			if (c == '\r') {
				int after = read();
				if (after != '\n') {
					this.peeked = after;
				}
			}
			this.line++;
			this.separator = sniff(raw);
			return split(raw.toString(), this.separator);
		}

		/** The header decides the separator; header names are never quoted with it. */
		private static char sniff(StringBuilder header) {
			long commas = header.chars().filter((ch) -> ch == ',').count();
			long semicolons = header.chars().filter((ch) -> ch == ';').count();
			return (semicolons > commas) ? ';' : ',';
		}

		private static List<String> split(String header, char separator) {
			List<String> names = new ArrayList<>();
			for (String name : header.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
				names.add(name.strip().replace("\"", ""));
			}
			return names;
		}

		private int read() throws IOException {
			if (this.peeked != -2) {
				int c = this.peeked;
				this.peeked = -2;
				return c;
			}
			return this.in.read();
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
