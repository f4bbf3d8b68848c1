package se.kedja.web.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.KedjaApis;

/**
 * Relays progress-service's stream to the browser: whenever the project's figures change
 * there, the page hears "changed" and fetches the figures again. The browser talks only
 * to the web app, so the user's identity stays on the server.
 */
@RestController
class ProgressRelay {

	private static final Logger log = LoggerFactory.getLogger(ProgressRelay.class);

	private final KedjaApis apis;

	ProgressRelay(KedjaApis apis) {
		this.apis = apis;
	}

	@GetMapping(path = "/dashboard/{project}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable String project) {
		SseEmitter emitter = new SseEmitter(0L);
		Caller caller = Caller.current().orElseThrow();
		Thread.ofVirtual().name("progress-relay-" + project).start(() -> caller.runAs(() -> {
			try {
				relay(project, emitter);
				emitter.complete();
			}
			catch (RuntimeException | IOException ex) {
				log.debug("Progress relay for {} ended: {}", project, ex.getMessage());
				emitter.completeWithError(ex);
			}
		}));
		return emitter;
	}

	private void relay(String project, SseEmitter emitter) throws IOException {
		this.apis.progressStream()
			.get()
			.uri("/api/projects/{id}/progress/stream", project)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange((request, response) -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						if (line.startsWith("data:")) {
							emitter.send(SseEmitter.event().name("changed").data("changed"));
						}
					}
				}
				return null;
			});
	}

}
