package se.kedja.progress.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import se.kedja.progress.intake.FiguresChanged;
import se.kedja.progress.projects.ProgressQueries;
import se.kedja.progress.projects.ProjectProgress;

/**
 * Pushes a project's progress to its open streams when its figures change. Changes are
 * gathered for a short interval, so a burst of events costs one computation per project,
 * and a change reaches the browser well within a second.
 */
@Component
class ProgressStream {

	private static final Logger log = LoggerFactory.getLogger(ProgressStream.class);

	private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

	private final Set<String> changed = ConcurrentHashMap.newKeySet();

	private final ProgressQueries queries;

	private final ScheduledExecutorService pusher = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("progress-stream").daemon().factory());

	ProgressStream(ProgressQueries queries, @Value("${kedja.progress.sse-interval:250ms}") Duration interval) {
		this.queries = queries;
		this.pusher.scheduleWithFixedDelay(this::pushChanged, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	SseEmitter subscribe(String projectId) {
		ProjectProgress now = this.queries.current(projectId);
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		List<SseEmitter> project = this.emitters.computeIfAbsent(projectId, (id) -> new CopyOnWriteArrayList<>());
		project.add(emitter);
		emitter.onCompletion(() -> project.remove(emitter));
		emitter.onTimeout(() -> project.remove(emitter));
		emitter.onError((ex) -> project.remove(emitter));
		send(emitter, now);
		return emitter;
	}

	@TransactionalEventListener
	void onFiguresChanged(FiguresChanged event) {
		if (this.emitters.containsKey(event.projectId())) {
			this.changed.add(event.projectId());
		}
	}

	private void pushChanged() {
		for (String projectId : List.copyOf(this.changed)) {
			this.changed.remove(projectId);
			List<SseEmitter> project = this.emitters.getOrDefault(projectId, List.of());
			if (project.isEmpty()) {
				continue;
			}
			try {
				ProjectProgress progress = this.queries.current(projectId);
				project.forEach((emitter) -> send(emitter, progress));
			}
			catch (RuntimeException ex) {
				log.warn("Could not push progress of {}", projectId, ex);
			}
		}
	}

	private static void send(SseEmitter emitter, ProjectProgress progress) {
		try {
			emitter.send(SseEmitter.event().name("progress").data(progress));
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
		}
	}

	/**
	 * Ends every open stream as the application starts to close, before the web server's
	 * graceful shutdown: that waits for open requests, and a dashboard's stream would
	 * hold it up for its whole timeout (30 s). The browser reconnects to another
	 * instance, or once this one is back.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.emitters.values().forEach((project) -> project.forEach(SseEmitter::complete));
	}

	@PreDestroy
	void stop() {
		this.pusher.shutdownNow();
		closeStreams();
	}

}
