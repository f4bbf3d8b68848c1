package se.kedja.demo.load;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPeriodsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void typed_ids_read_back_from_the_api_are_written_as_plain_values() {
		var definition = JSON.readTree("""
				{"sites":[{"id":{"value":"kinda"},"name":"Kinda","municipalities":[{"value":"0513"}]}]}""");
		assertThat(ProjectPeriods.plain(definition).toString())
			.isEqualTo("{\"sites\":[{\"id\":\"kinda\",\"name\":\"Kinda\",\"municipalities\":[\"0513\"]}]}");
	}

	@Test
	void dates_in_goals_move_with_the_period() {
		var goals = JSON.readTree("""
				[{"id":"site-size","spec":{"minimum":20,"from":"2009-06-01"}}]""");
		assertThat(ProjectPeriods.shiftDates(goals, 7).toString())
			.isEqualTo("[{\"id\":\"site-size\",\"spec\":{\"minimum\":20,\"from\":\"2009-06-08\"}}]");
	}

}
