package se.kedja.progress.intake;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeController {

	private final JdbcClient jdbc;

	IntakeController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/admin/intake")
	@Operation(summary = "How many case events and participants of a project have been applied")
	Intake intake(@RequestParam String projectId) {
		long events = this.jdbc.sql("SELECT count(*) FROM case_event WHERE project_id = ?")
			.param(projectId)
			.query(Long.class)
			.single();
		long participants = this.jdbc.sql("SELECT count(*) FROM participant WHERE project_id = ?")
			.param(projectId)
			.query(Long.class)
			.single();
		return new Intake(projectId, events, participants);
	}

	/** What has been applied of one project. */
	record Intake(String projectId, long events, long participants) {

	}

}
