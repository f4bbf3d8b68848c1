package se.kedja.cases.project.definition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.kedja.events.ProjectId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProjectDefinitionReaderTest {

	private final ProjectDefinitionReader reader = new ProjectDefinitionReader();

	static String orangeriet() throws IOException {
		try (InputStream in = ProjectDefinitionReaderTest.class.getResourceAsStream("/projects/orangeriet.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void the_seed_definition_reads_with_four_sites_and_a_stable_digest() throws IOException {
		LoadedDefinition first = this.reader.read(orangeriet(), "orangeriet.yaml", ProjectId.of("orangeriet"));
		LoadedDefinition again = this.reader.read(orangeriet() + "\n# a comment changes nothing\n", "x", null);
		assertThat(first.definition().sites()).hasSize(4);
		assertThat(first.definition().settings().planDueDays()).isEqualTo(30);
		assertThat(again.digest()).isEqualTo(first.digest());
		assertThat(again.definition()).isEqualTo(first.definition());
	}

	@Test
	void an_unknown_field_is_refused_with_its_line() throws IOException {
		String text = orangeriet().replace("region: Östergötland", "region: Östergötland\ncolour: green");
		assertThatExceptionOfType(InvalidProjectDefinitionException.class)
			.isThrownBy(() -> this.reader.read(text, "x.yaml", null))
			.satisfies((ex) -> {
				assertThat(ex.problems()).hasSize(1);
				assertThat(ex.problems().get(0).line()).isEqualTo(8);
				assertThat(ex.problems().get(0).message()).contains("colour");
			});
	}

	@Test
	void semantic_problems_are_all_reported_with_their_lines() throws IOException {
		String text = orangeriet().replace("periodEnd: 2011-10-31", "periodEnd: 2007-10-31")
			.replace("id: kinda", "id: finspang")
			.replace("[\"0580\"]", "[\"580\"]");
		assertThatExceptionOfType(InvalidProjectDefinitionException.class)
			.isThrownBy(() -> this.reader.read(text, "x.yaml", null))
			.satisfies((ex) -> {
				assertThat(ex.problems()).extracting(DefinitionProblem::path)
					.containsExactlyInAnyOrder("/periodEnd", "/sites/2/id", "/sites/3/municipalities/0");
				assertThat(ex.problems()).allSatisfy((p) -> assertThat(p.line()).isPositive());
			});
	}

	@Test
	void a_definition_for_another_project_is_refused() throws IOException {
		assertThatExceptionOfType(InvalidProjectDefinitionException.class)
			.isThrownBy(() -> this.reader.read(orangeriet(), "x.yaml", ProjectId.of("sesam")));
	}

}
