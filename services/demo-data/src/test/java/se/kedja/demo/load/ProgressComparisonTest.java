package se.kedja.demo.load;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.kedja.demo.generate.GoalFigures;
import se.kedja.demo.generate.GoalFigures.Figure;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressComparisonTest {

	static final GoalFigures.Goal EXPECTED = new GoalFigures.Goal("share", "percent", new Figure(75.0, 3, 4, 0),
			Map.of("gender", Map.of("FEMALE", new Figure(100.0, 2, 2, 0), "MALE", new Figure(50.0, 1, 2, 0))), 4);

	static JsonNode goals(String json) {
		return JsonMapper.builder().build().readTree(json);
	}

	static final String SHOWN = """
			[{"id":"g","kind":"share","unit":"percent","actual":75.0,"met":3,"of":4,"pending":0,"breakdowns":{
			  "gender":[{"bucket":"FEMALE","actual":100.0,"met":2,"of":2,"pending":0},
			            {"bucket":"MALE","actual":50.0,"met":1,"of":2,"pending":0}],
			  "site":[{"bucket":"x","actual":75.0,"met":3,"of":4,"pending":0}]}}]""";

	@Test
	void the_same_figures_make_no_difference_and_breakdowns_not_expected_are_not_compared() {
		assertThat(ProgressComparison.differences("p", Map.of("g", EXPECTED), goals(SHOWN))).isEmpty();
	}

	@Test
	void a_different_figure_is_named_with_project_goal_bucket_expected_and_actual() {
		String shown = SHOWN.replace("{\"bucket\":\"MALE\",\"actual\":50.0,\"met\":1",
				"{\"bucket\":\"MALE\",\"actual\":0.0,\"met\":0");

		assertThat(ProgressComparison.differences("p", Map.of("g", EXPECTED), goals(shown)))
			.containsExactly("p / g / gender MALE: expected Figure[actual=50.0, met=1, of=2, pending=0], "
					+ "actual Figure[actual=0.0, met=0, of=2, pending=0]");
	}

	@Test
	void a_goal_missing_or_not_expected_is_a_difference() {
		assertThat(ProgressComparison.differences("p", Map.of("g", EXPECTED, "h", EXPECTED), goals(SHOWN)))
			.containsExactly("p / h: expected Figure[actual=75.0, met=3, of=4, pending=0], actual no such goal");
		assertThat(ProgressComparison.differences("p", Map.of(), goals(SHOWN)))
			.containsExactly("p / g: expected no such goal, actual Figure[actual=75.0, met=3, of=4, pending=0] "
					+ "(share, no status)");
	}

	@Test
	void a_bucket_shown_but_not_expected_is_a_difference() {
		String shown = SHOWN.replace("\"gender\":[",
				"\"gender\":[{\"bucket\":\"OTHER\",\"actual\":0.0,\"met\":0," + "\"of\":1,\"pending\":0},");

		assertThat(ProgressComparison.differences("p", Map.of("g", EXPECTED), goals(shown))).containsExactly(
				"p / g / gender OTHER: expected no such bucket, actual Figure[actual=0.0, met=0, of=1, pending=0]");
	}

}
