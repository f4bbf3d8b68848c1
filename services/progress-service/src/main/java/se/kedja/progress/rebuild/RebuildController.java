package se.kedja.progress.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RebuildController {

	private final ProjectionRebuild rebuild;

	RebuildController(ProjectionRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@PostMapping("/api/admin/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild every projection from the start of the topics, beside the live ones, then swap")
	RebuildStatus start() {
		return this.rebuild.start();
	}

	@GetMapping("/api/admin/rebuild")
	@Operation(summary = "The rebuild's progress: events done, events per second, time left")
	RebuildStatus status() {
		return this.rebuild.status();
	}

}
