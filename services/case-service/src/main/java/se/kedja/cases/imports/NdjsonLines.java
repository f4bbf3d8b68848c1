package se.kedja.cases.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Newline-delimited JSON: one object a line, its keys those of the request plus
 * {@code command} and {@code participant} (as demo-data writes them). Blank lines are
 * skipped; a line that is not a JSON object is reported, not fatal.
 */
final class NdjsonLines implements LineSource {

	private final Path file;

	private final JsonMapper json;

	private final long size;

	private @Nullable CountingStream counter;

	NdjsonLines(Path file, JsonMapper json) throws IOException {
		this.file = file;
		this.json = json;
		this.size = Math.max(1, Files.size(file));
	}

	/** The first line, which must be an object naming its command. */
	static boolean usable(Path file, JsonMapper json) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					try {
						JsonNode first = json.readTree(strip(line));
						return first.isObject() && first.path(Columns.COMMAND).isString();
					}
					catch (JacksonException ex) {
						return false;
					}
				}
			}
			return false;
		}
	}

	@Override
	public void forEach(Consumer<ImportLine> handler) throws IOException {
		this.counter = new CountingStream(Files.newInputStream(this.file));
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.counter, StandardCharsets.UTF_8),
				64 * 1024)) {
			long number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					JsonNode node = this.json.readTree(strip(line));
					if (node instanceof ObjectNode object) {
						handler.accept(ImportLine.json(number, object, ""));
					}
					else {
						handler.accept(ImportLine.json(number, this.json.createObjectNode(), "not-an-object"));
					}
				}
				catch (JacksonException ex) {
					handler.accept(ImportLine.json(number, this.json.createObjectNode(), "malformed-json"));
				}
			}
		}
	}

	@Override
	public double fractionRead() {
		return (this.counter != null) ? (double) this.counter.count() / this.size : 0;
	}

	private static String strip(String line) {
		return line.startsWith("\uFEFF") ? line.substring(1) : line;
	}

}
