package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each project's figures stay within what its seed text says, whatever the seed. */
class SeedProjectFiguresTest {

	static DemoSummary summary(long seed) {
		DemoGenerator generator = DemoGenerator.of(seed, DemoGeneratorTest.TODAY);
		return DemoSummary.of(generator.histories(), generator.cutoff());
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 20081201 })
	void orangeriet_has_four_sites_320_participants_and_an_outcome_near_its_goal(long seed) {
		DemoSummary s = summary(seed);
		assertThat(s.get("orangeriet", "participants")).isGreaterThanOrEqualTo(320);
		for (String site : List.of("finspang", "katrineholm-vingaker", "kinda", "linkoping")) {
			assertThat(s.get("orangeriet", "site:" + site)).as(site).isBetween(60L, 110L);
		}
		assertThat(s.get("orangeriet", "in-work-education-or-enterprise-90-days")).isBetween(150L, 200L);
		long yes = s.get("orangeriet", "survey:chances-of-work-increased=yes");
		long no = s.get("orangeriet", "survey:chances-of-work-increased=no");
		assertThat(100.0 * yes / (yes + no)).isGreaterThanOrEqualTo(90.0);
	}

	@Test
	void orangeriet_starts_a_new_group_about_every_six_months() {
		DemoGenerator generator = DemoGenerator.of(1, DemoGeneratorTest.TODAY);
		List<LocalDate> enrolled = generator.histories(generator.projects().get(0))
			.map((history) -> LocalDate.parse((String) history.commands().get(0).body().get("enrolledOn")))
			.sorted()
			.toList();
		List<LocalDate> groupStarts = new java.util.ArrayList<>(List.of(enrolled.get(0)));
		for (int i = 1; i < enrolled.size(); i++) {
			if (java.time.temporal.ChronoUnit.DAYS.between(enrolled.get(i - 1), enrolled.get(i)) > 60) {
				groupStarts.add(enrolled.get(i));
			}
		}
		assertThat(groupStarts).hasSize(6);
		for (int i = 1; i < groupStarts.size(); i++) {
			assertThat(java.time.temporal.ChronoUnit.DAYS.between(groupStarts.get(i - 1), groupStarts.get(i)))
				.isBetween(150L, 200L);
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 20081201 })
	void sesam_has_100_to_150_fas3_participants_at_providers_in_15_municipalities(long seed) {
		DemoSummary s = summary(seed);
		assertThat(s.get("sesam", "participants")).isBetween(100L, 150L);
		assertThat(s.get("sesam", "targetGroup:fas3")).isEqualTo(s.get("sesam", "participants"));
		assertThat(s.figures().get("sesam").keySet().stream().filter((figure) -> figure.startsWith("site:")))
			.hasSize(15);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 20081201 })
	void samverkan_has_about_150_in_two_target_groups_in_two_municipalities(long seed) {
		DemoSummary s = summary(seed);
		assertThat(s.get("samverkan-utan-granser", "participants")).isBetween(140L, 160L);
		assertThat(s.get("samverkan-utan-granser", "targetGroup:mental-ill-health")).isBetween(50L, 100L);
		assertThat(s.get("samverkan-utan-granser", "targetGroup:long-term-unemployed-immigrants")).isBetween(50L, 100L);
		assertThat(s.get("samverkan-utan-granser", "site:hassleholm")
				+ s.get("samverkan-utan-granser", "site:kristianstad"))
			.isEqualTo(s.get("samverkan-utan-granser", "participants"));
		assertThat(s.get("samverkan-utan-granser", "active-exit")).isPositive();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 20081201 })
	void in_mellan_stolarna_cases_are_handed_over_and_some_fall_between_the_chairs(long seed) {
		DemoSummary s = summary(seed);
		assertThat(s.get("mellan-stolarna", "transfers-requested"))
			.isGreaterThan(s.get("mellan-stolarna", "participants") / 2);
		assertThat(s.get("mellan-stolarna", "transfers-rejected")).isPositive();
		assertThat(s.get("mellan-stolarna", "between-the-chairs:handover-unanswered")).isBetween(3L, 25L);
		assertThat(s.get("mellan-stolarna", "between-the-chairs:no-follow-up-60-days")
				+ s.get("mellan-stolarna", "between-the-chairs:handover-unanswered"))
			.isLessThan(s.get("mellan-stolarna", "active") / 2);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 20081201 })
	void kompetenta_anordnare_asks_450_organisations_and_trains_200_supervisors_mostly_women(long seed) {
		DemoSummary s = summary(seed);
		assertThat(s.get("kompetenta-anordnare", "organisations-asked")).isGreaterThanOrEqualTo(450);
		assertThat(s.get("kompetenta-anordnare", "survey:needs-mapping=took-part")).isGreaterThanOrEqualTo(100);
		assertThat(s.get("kompetenta-anordnare", "survey:method-development=took-part")).isGreaterThanOrEqualTo(10);
		assertThat(s.get("kompetenta-anordnare", "supervisors-trained")).isGreaterThanOrEqualTo(200);
		assertThat(2 * s.get("kompetenta-anordnare", "supervisors-women"))
			.isGreaterThan(s.get("kompetenta-anordnare", "supervisors"));
	}

	@Test
	void the_sites_and_actors_are_those_of_the_project_definitions() throws Exception {
		DemoGenerator generator = DemoGenerator.of(1, DemoGeneratorTest.TODAY);
		java.nio.file.Path folder = java.nio.file.Path.of("../case-service/src/main/resources/projects");
		for (SeedProject project : generator.projects()) {
			String yaml = java.nio.file.Files.readString(folder.resolve(project.id() + ".yaml"));
			for (String site : project.siteIds()) {
				assertThat(yaml).as(project.id()).contains("  - id: " + site + "\n");
			}
			generator.histories(project).limit(50).forEach((history) -> {
				var enrolment = history.commands().get(0).body();
				assertThat(yaml).as(project.id()).contains("  - id: " + enrolment.get("responsibleActor") + "\n");
				for (Object group : (List<?>) enrolment.get("targetGroups")) {
					assertThat(yaml).as(project.id()).contains("  - key: " + group + "\n");
				}
			});
		}
	}

}
