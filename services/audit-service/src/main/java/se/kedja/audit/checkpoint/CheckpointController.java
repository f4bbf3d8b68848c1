package se.kedja.audit.checkpoint;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.events.ProjectId;

/**
 * Checkpoints hold ids and hashes only, no personal data, so reading them is not logged.
 */
@RestController
class CheckpointController {

	private final CheckpointService checkpoints;

	CheckpointController(CheckpointService checkpoints) {
		this.checkpoints = checkpoints;
	}

	@PostMapping("/api/projects/{projectId}/checkpoints")
	@ResponseStatus(HttpStatus.CREATED)
	Checkpoint take(@PathVariable ProjectId projectId) {
		return checkpoints.take(projectId);
	}

	@GetMapping("/api/checkpoints/{checkpointId}")
	Checkpoint export(@PathVariable UUID checkpointId) {
		return checkpoints.find(checkpointId).orElseThrow(() -> new UnknownCheckpoint(checkpointId));
	}

}
