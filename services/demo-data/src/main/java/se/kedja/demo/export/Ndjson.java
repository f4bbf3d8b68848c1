package se.kedja.demo.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import se.kedja.demo.generate.DemoCommand;
import se.kedja.demo.generate.ParticipantHistory;

/**
 * Commands as newline-delimited JSON for a bulk import, one command a line, each
 * participant's lines in order: {@code {"command": "<name>", "participant": "<external
 * ref>", ...body}}. An enrolment line also names its {@code project}; a line whose
 * request names an activity or a handover in its URL carries {@code activityId} or
 * {@code transferId}; a correction names the event it corrects by type as
 * {@code correctsEvent}. The format is described in the module's README.
 */
public final class Ndjson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Ndjson() {
	}

	public static Map<String, Object> line(DemoCommand command) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("command", command.command());
		line.put("participant", command.participant());
		if (command.command().equals("enrol")) {
			line.put("project", command.project());
		}
		line.putAll(command.refs());
		line.putAll(command.body());
		return line;
	}

	public static String toLine(DemoCommand command) {
		return JSON.writeValueAsString(line(command));
	}

	/**
	 * @return how many lines were written
	 */
	public static long write(Stream<ParticipantHistory> histories, Writer out) {
		long[] lines = { 0 };
		histories.forEachOrdered((history) -> {
			for (DemoCommand command : history.commands()) {
				try {
					out.write(toLine(command));
					out.write('\n');
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				lines[0]++;
			}
		});
		return lines[0];
	}

}
