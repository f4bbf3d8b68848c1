package se.kedja.progress.goals;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalParserTest {

	@ParameterizedTest
	@ValueSource(
			strings = { "orangeriet", "sesam", "samverkan-utan-granser", "mellan-stolarna", "kompetenta-anordnare" })
	void the_goals_of_every_seed_project_read(String project) {
		List<Goal> goals = GoalParser.parse(seedGoals(project), "goals");

		assertThat(goals).isNotEmpty();
	}

	@Test
	void the_common_indicators_expand_into_goals_of_their_own() {
		List<Goal> goals = GoalParser.parse(seedGoals("sesam"), "goals");

		assertThat(goals).extracting(Goal::id).contains("esf-employed-upon-leaving", "esf-below-25");
	}

	@Test
	void an_unknown_filter_field_is_refused_with_its_path() {
		GoalSpec spec = new GoalSpec("g", "G", "count", Map.of("filter", Map.of("gendr", "female")));

		assertThatThrownBy(() -> GoalParser.parse(List.of(spec), "goals")).isInstanceOf(GoalDefinitionException.class)
			.extracting((ex) -> ((GoalDefinitionException) ex).path())
			.isEqualTo("goals[0].spec.filter.gendr");
	}

	@Test
	void an_outcome_window_longer_than_ten_years_is_refused() {
		GoalSpec spec = new GoalSpec("g", "G", "outcome-after",
				Map.of("anchor", "exit", "days", 5000, "outcomes", List.of("employment")));

		assertThatThrownBy(() -> GoalParser.parse(List.of(spec), "goals"))
			.extracting((ex) -> ((GoalDefinitionException) ex).path())
			.isEqualTo("goals[0].spec.days");
	}

	@Test
	void a_band_whose_max_is_below_its_min_is_refused() {
		GoalSpec spec = new GoalSpec("g", "G", "count", Map.of("band", Map.of("min", 150, "max", 100)));

		assertThatThrownBy(() -> GoalParser.parse(List.of(spec), "goals"))
			.extracting((ex) -> ((GoalDefinitionException) ex).path())
			.isEqualTo("goals[0].spec.band.max");
	}

	@Test
	void an_outcome_outside_the_event_contract_is_refused() {
		GoalSpec spec = new GoalSpec("g", "G", "outcome-after",
				Map.of("anchor", "exit", "days", 90, "outcomes", List.of("lottery-win")));

		assertThatThrownBy(() -> GoalParser.parse(List.of(spec), "goals")).hasMessageContaining("lottery-win");
	}

	@Test
	void an_unknown_kind_is_refused() {
		GoalSpec spec = new GoalSpec("g", "G", "average", Map.of());

		assertThatThrownBy(() -> GoalParser.parse(List.of(spec), "goals"))
			.extracting((ex) -> ((GoalDefinitionException) ex).path())
			.isEqualTo("goals[0].kind");
	}

	@SuppressWarnings("unchecked")
	static List<GoalSpec> seedGoals(String project) {
		InputStream yaml = GoalParserTest.class.getResourceAsStream("/goals/" + project + ".yaml");
		Map<String, Object> file = new Yaml().load(yaml);
		return ((List<Map<String, Object>>) file.get("goals")).stream()
			.map((g) -> new GoalSpec((String) g.get("id"), (String) g.get("title"), (String) g.get("kind"),
					(Map<String, Object>) g.get("spec")))
			.toList();
	}

}
