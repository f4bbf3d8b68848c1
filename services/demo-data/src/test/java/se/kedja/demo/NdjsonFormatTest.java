package se.kedja.demo;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.kedja.demo.export.Ndjson;
import se.kedja.demo.generate.DemoCommand;
import se.kedja.demo.generate.DemoGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonFormatTest {

	@Test
	void a_line_is_the_command_the_participant_and_the_body() {
		DemoCommand enrol = DemoGenerator.of(1, LocalDate.of(2026, 11, 23))
			.histories()
			.findFirst()
			.orElseThrow()
			.commands()
			.get(0);
		String line = Ndjson.toLine(enrol);
		assertThat(line).startsWith(
				"{\"command\":\"enrol\",\"participant\":\"orangeriet-0001\",\"project\":\"orangeriet\",\"name\":");
		assertThat(line).doesNotContain("\n");
	}

	@Test
	void a_line_for_a_url_with_an_id_carries_that_id() {
		DemoCommand completion = DemoGenerator.of(1, LocalDate.of(2026, 11, 23))
			.histories()
			.flatMap((history) -> history.commands().stream())
			.filter((command) -> command.command().equals("activity-completion"))
			.findFirst()
			.orElseThrow();
		assertThat(Ndjson.toLine(completion)).matches(
				"\\{\"command\":\"activity-completion\",\"participant\":\"[a-z-]+-\\d{4}\",\"activityId\":\"[0-9a-f-]{36}\",\"completedOn\":\"\\d{4}-\\d{2}-\\d{2}\",\"asPlanned\":(true|false)}");
	}

}
