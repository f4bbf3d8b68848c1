package se.kedja.progress.intake;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.progress.IntegrationTest;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

class QualityExceptionBackfillIntegrationTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ParticipantStore participants;

	@Autowired
	private QualityExceptionBackfill backfill;

	@Test
	void cases_recorded_before_exceptions_were_kept_get_them_from_their_stored_events() {
		String projectId = "backfill";
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(41, projectId, TestProject.SITES,
				TestProject.START, TestProject.END.minusDays(100))
			.cases(30);
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		publishInterleaved(cases, 41, 1);
		long events = cases.stream().mapToLong(List::size).sum();
		awaitProgress(projectId,
				(p) -> get("/api/admin/intake?projectId=" + projectId).get("events").asLong() == events);
		// read afresh: the wait's last progress was fetched before the intake count that
		// ended it
		JsonNode kept = progress(projectId);
		assertThat(goal(kept, "accessibility-reviewed").get("exceptions").get("count").asLong()).isPositive();

		this.jdbc.sql("DELETE FROM quality_exception WHERE project_id = ?").param(projectId).update();
		this.jdbc.sql("UPDATE participant SET state = state - 'followUpsNotReviewedOn' WHERE project_id = ?")
			.param(projectId)
			.update();
		this.jdbc.sql("UPDATE backfill SET done_at = NULL WHERE name = ?")
			.param(QualityExceptionBackfill.NAME)
			.update();
		List<Participant> stored = new ArrayList<>();
		this.participants.forEachOfProject(ProjectionTables.LIVE, projectId, stored::add);
		assertThat(stored).hasSize(30).allSatisfy((p) -> assertThat(p.followUpsNotReviewedOn()).isEmpty());
		assertThat(goal(progress(projectId), "accessibility-reviewed").get("exceptions").get("cases")).isEmpty();

		this.backfill.run();

		assertThat(progress(projectId).get("goals")).isEqualTo(kept.get("goals"));
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM participant WHERE project_id = ? AND jsonb_exists(state, 'followUpsNotReviewedOn')")
			.param(projectId)
			.query(Long.class)
			.single()).isEqualTo(30);
		assertThat(this.jdbc.sql("SELECT done_at IS NOT NULL FROM backfill WHERE name = ?")
			.param(QualityExceptionBackfill.NAME)
			.query(Boolean.class)
			.single()).isTrue();
	}

}
