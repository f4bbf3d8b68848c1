package se.kedja.demo.generate;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.kedja.demo.export.Ndjson;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static String ndjson(long seed) {
		StringWriter out = new StringWriter();
		Ndjson.write(DemoGenerator.of(seed, TODAY).histories(), out);
		return out.toString();
	}

	@Test
	void the_same_seed_gives_the_same_commands_byte_for_byte() {
		assertThat(ndjson(42)).isEqualTo(ndjson(42));
	}

	@Test
	void histories_do_not_depend_on_the_order_they_are_made_in() {
		DemoGenerator generator = DemoGenerator.of(42, TODAY);
		List<ParticipantHistory> forwards = generator.histories().toList();
		List<ParticipantHistory> inParallel = generator.histories().parallel().toList();
		assertThat(inParallel).isEqualTo(forwards);
	}

	@Test
	void different_seeds_give_different_commands() {
		assertThat(ndjson(1)).isNotEqualTo(ndjson(2));
	}

	@Test
	void every_personnummer_is_valid_in_the_test_series_and_unique_in_its_project() {
		Map<String, Set<String>> seen = new java.util.HashMap<>();
		DemoGenerator.of(7, TODAY).histories().forEach((history) -> {
			String personnummer = (String) history.commands().get(0).body().get("personnummer");
			assertThat(TestPersonnummer.isTestNumber(personnummer)).as(personnummer).isTrue();
			assertThat(seen.computeIfAbsent(history.project(), (p) -> new HashSet<>()).add(personnummer))
				.as("%s used twice in %s", personnummer, history.project())
				.isTrue();
		});
		assertThat(seen).hasSize(5);
	}

	@Test
	void a_personnummer_gets_its_check_digit_by_luhn() {
		assertThat(TestPersonnummer.checkDigit("811218987")).isEqualTo(6);
		assertThat(TestPersonnummer.of(LocalDate.of(1981, 12, 18), false, 3)).isEqualTo("19811218-9876");
		assertThat(TestPersonnummer.isTestNumber("19811218-9876")).isTrue();
		assertThat(TestPersonnummer.isTestNumber("19811218-9875")).as("wrong check digit").isFalse();
		assertThat(TestPersonnummer.isTestNumber("19811218-1236")).as("outside the test series").isFalse();
	}

	@Test
	void today_lies_in_every_shifted_period_and_nothing_happens_after_yesterday() {
		DemoGenerator generator = DemoGenerator.of(3, TODAY);
		for (SeedProject project : generator.projects()) {
			SeedProject.Period period = generator.period(project);
			assertThat(generator.shift(project).days() % 7).isZero();
			assertThat(period.start().getDayOfWeek()).isEqualTo(project.seedStart().getDayOfWeek());
			assertThat(TODAY).isAfter(period.start()).isBefore(period.end());
			assertThat(period.end()).isBetween(TODAY.plusDays(28), TODAY.plusDays(34));
		}
		generator.histories()
			.flatMap((history) -> history.commands().stream())
			.forEach((command) -> command.body().forEach((key, value) -> {
				if (key.endsWith("On") && value instanceof String date) {
					assertThat(LocalDate.parse(date)).as(command.toString()).isBeforeOrEqualTo(TODAY.minusDays(1));
				}
			}));
	}

	@Test
	void commands_of_a_participant_start_with_the_enrolment_and_are_numbered_in_order() {
		DemoGenerator.of(5, TODAY).histories().forEach((history) -> {
			assertThat(history.commands().get(0).command()).isEqualTo("enrol");
			for (int i = 0; i < history.commands().size(); i++) {
				assertThat(history.commands().get(i).step()).isEqualTo(i);
			}
		});
	}

	@Test
	void no_contact_person_of_the_seed_texts_appears() {
		String all = ndjson(11);
		for (String name : List.of("Tegnhed", "Herlitz", "Håkansson", "Carlsson", "Sandström", "Camilla", "Christer",
				"Margaretha", "Ulla", "Johan", "Loretta")) {
			assertThat(all).as(name).doesNotContainPattern("\\b" + name + "\\b");
		}
	}

	@Test
	void the_scaled_generator_streams_a_large_demo_in_the_default_proportions() {
		DemoGenerator scaled = DemoGenerator.scaled(9, TODAY, 20_000, List.of());
		long participants = scaled.projects().stream().mapToLong(scaled::participants).sum();
		assertThat(participants).isBetween(19_990L, 20_010L);
		StringWriter sink = new StringWriter();
		long lines = Ndjson.write(scaled.histories(scaled.projects().get(1)), sink);
		assertThat(lines).isGreaterThan(scaled.participants(scaled.projects().get(1)) * 5L);
	}

}
