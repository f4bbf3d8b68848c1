package se.kedja.progress.stream;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class ProgressStreamController {

	private final ProgressStream stream;

	ProgressStreamController(ProgressStream stream) {
		this.stream = stream;
	}

	@GetMapping(path = "/api/projects/{projectId}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-sent events: the project's progress now, then again whenever its figures change")
	SseEmitter stream(@PathVariable String projectId) {
		return this.stream.subscribe(projectId);
	}

}
