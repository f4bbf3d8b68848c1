package se.kedja.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import se.kedja.support.problem.ProblemException;

/**
 * Takes a file from the request into a temporary file, never into memory, and refuses it
 * with a problem when it is too large, empty, not UTF-8 (CSV, NDJSON), not a spreadsheet,
 * a zip bomb, or has a header that matches no template.
 */
@Component
class ImportUploads {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private final ImportProperties properties;

	private final JsonMapper json;

	ImportUploads(ImportProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(properties.maxEntrySize().toBytes());
	}

	record Received(Path file, ImportFormat format, String fileName, long size) {

		Received checked(List<String> header) {
			if (header.stream().allMatch(String::isBlank)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "empty-file");
			}
			if (!Columns.usable(header)) {
				List<String> unknown = Columns.unknown(header);
				throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-header",
						unknown.isEmpty() ? "command" : String.join(", ", unknown));
			}
			return this;
		}

	}

	Received receive(InputStream in, @Nullable String contentType, @Nullable String fileName) {
		Path file;
		try {
			file = Files.createTempFile("kedja-import-", ".upload");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return check(copy(in, file), file, declared(contentType, fileName), (fileName != null) ? fileName : "");
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file; the OS cleans up
		}
	}

	private record Copied(long size, boolean zip, boolean utf8, boolean blank) {
	}

	private Copied copy(InputStream in, Path file) {
		long max = this.properties.maxFileSize().toBytes();
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		ByteBuffer pending = ByteBuffer.allocate(64 * 1024 + 8);
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		boolean zip = false;
		boolean utf8 = true;
		boolean blank = true;
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				if (n == 0) {
					continue;
				}
				if (size == 0) {
					zip = n >= 4 && buffer[0] == ZIP[0] && buffer[1] == ZIP[1] && buffer[2] == ZIP[2]
							&& buffer[3] == ZIP[3];
				}
				size += n;
				if (size > max) {
					throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
							this.properties.maxFileSize().toMegabytes());
				}
				out.write(buffer, 0, n);
				if (!zip && utf8) {
					pending.put(buffer, 0, n).flip();
					CoderResult result = decoder.decode(pending, chars, false);
					utf8 = !result.isError();
					blank = blank && chars.flip().toString().replace("\uFEFF", "").isBlank();
					chars.clear();
					pending.compact();
				}
			}
			if (!zip && utf8) {
				pending.flip();
				utf8 = !decoder.decode(pending, chars, true).isError() && !decoder.flush(chars).isError();
				blank = blank && chars.flip().toString().isBlank();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Copied(size, zip, utf8, blank);
	}

	private static @Nullable ImportFormat declared(@Nullable String contentType, @Nullable String fileName) {
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		if (type.contains("spreadsheetml") || name.endsWith(".xlsx")) {
			return ImportFormat.XLSX;
		}
		if (type.contains("ndjson") || type.contains("jsonl") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
			return ImportFormat.NDJSON;
		}
		if (type.startsWith("text/csv") || name.endsWith(".csv")) {
			return ImportFormat.CSV;
		}
		return null;
	}

	private Received check(Copied copied, Path file, @Nullable ImportFormat declared, String fileName) {
		if (copied.size() == 0 || (!copied.zip() && copied.utf8() && copied.blank())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "empty-file");
		}
		if (declared == ImportFormat.XLSX && !copied.zip()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "not-a-spreadsheet");
		}
		if (copied.zip()) {
			return new Received(file, ImportFormat.XLSX, fileName, copied.size()).checked(xlsxHeader(file));
		}
		if (!copied.utf8()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "wrong-encoding");
		}
		try {
			ImportFormat format = (declared != null) ? declared : sniff(file);
			if (format == ImportFormat.NDJSON) {
				if (!NdjsonLines.usable(file, this.json)) {
					throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-header", "command");
				}
				return new Received(file, format, fileName, copied.size());
			}
			return new Received(file, ImportFormat.CSV, fileName, copied.size()).checked(CsvLines.header(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ImportFormat sniff(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			for (int c = in.read(); c >= 0; c = in.read()) {
				if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
					return (c == '{') ? ImportFormat.NDJSON : ImportFormat.CSV;
				}
			}
		}
		return ImportFormat.CSV;
	}

	private static List<String> xlsxHeader(Path file) {
		try {
			return XlsxLines.header(file);
		}
		catch (IOException | RuntimeException ex) {
			if (zipBomb(ex)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "zip-bomb");
			}
			throw new ProblemException(HttpStatus.BAD_REQUEST, "not-a-spreadsheet");
		}
	}

	static boolean zipBomb(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = cause.getMessage();
			if (message != null && (message.toLowerCase(Locale.ROOT).contains("zip bomb")
					|| message.contains("MAX_ENTRY_SIZE") || message.contains("max entry size"))) {
				return true;
			}
		}
		return false;
	}

}
