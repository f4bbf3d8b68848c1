package se.kedja.cases.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.cases.participant.command.RetractImportedEvents;
import se.kedja.cases.participant.web.Enrolments;
import se.kedja.cases.personaldata.PersonalDataStore;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.cases.publishing.RecordingMetadata;
import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;
import se.kedja.support.problem.ProblemException;
import se.kedja.support.problem.Problems;

/**
 * Runs imports and their undoing as background jobs on a small pool with a bounded queue,
 * so an import never takes more than its share of the database or Axon's command bus, and
 * a full queue is refused at once.
 */
@Component
class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final Services services;

	private final EventStore events;

	private final ThreadPoolExecutor executor;

	private final Map<UUID, ImportRun> running = new ConcurrentHashMap<>();

	/** What a running import needs. */
	record Services(ImportStore store, LineCommands lines, Enrolments enrolments, CommandGateway commands,
			PersonalDataStore personalData, PlatformTransactionManager transactions, Problems problems,
			ImportProperties properties, Clock clock, JdbcClient jdbc) {

		@Nullable String caseProject(ParticipantId participant) {
			return this.jdbc.sql("SELECT project_id FROM case_summary WHERE participant_id = ?")
				.param(participant.value())
				.query(String.class)
				.optional()
				.orElse(null);
		}

	}

	ImportJobs(ImportStore store, LineCommands lines, Enrolments enrolments, CommandGateway commands,
			PersonalDataStore personalData, PlatformTransactionManager transactions, Problems problems,
			ImportProperties properties, Clock clock, JdbcClient jdbc, EventStore events) {
		this.services = new Services(store, lines, enrolments, commands, personalData, transactions, problems,
				properties, clock, jdbc);
		this.events = events;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.queue()), (task) -> {
					Thread thread = new Thread(task, "import-" + threads.incrementAndGet());
					thread.setDaemon(true);
					thread.setPriority(Thread.NORM_PRIORITY - 1);
					return thread;
				});
	}

	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		int interrupted = this.services.store().interrupted(this.services.clock().instant());
		if (interrupted > 0) {
			log.warn("{} imports were interrupted by the last stop of the service", interrupted);
		}
	}

	UUID start(ProjectView project, ImportUploads.Received file, boolean dryRun, String user, JsonMapper json) {
		UUID importId = UUID.randomUUID();
		LineSource source;
		try {
			source = switch (file.format()) {
				case CSV -> new CsvLines(file.file(), json);
				case NDJSON -> new NdjsonLines(file.file(), json);
				case XLSX -> new XlsxLines(file.file(), json);
			};
		}
		catch (IOException ex) {
			ImportUploads.delete(file.file());
			throw new java.io.UncheckedIOException(ex);
		}
		this.services.store()
			.create(importId, project.projectId().value(), file.format(), file.fileName(), dryRun, user,
					this.services.clock().instant());
		ImportRun run = new ImportRun(this.services, importId, project, dryRun, user, source, file.file());
		this.running.put(importId, run);
		submit(() -> {
			try {
				run.run();
			}
			finally {
				this.running.remove(importId);
			}
		}, () -> {
			this.running.remove(importId);
			ImportUploads.delete(file.file());
			this.services.store().status(importId, "REFUSED", "queue-full", this.services.clock().instant());
		});
		return importId;
	}

	Optional<ImportRun> running(UUID importId) {
		return Optional.ofNullable(this.running.get(importId));
	}

	void revert(ImportStore.Job job, String user) {
		if (job.dryRun() || !List.of("DONE", "FAILED", "INTERRUPTED").contains(job.status())) {
			throw new ProblemException(HttpStatus.CONFLICT, "import-not-revertible", job.status());
		}
		this.services.store().status(job.importId(), "REVERTING", null, this.services.clock().instant());
		submit(() -> undo(job.importId(), user), () -> this.services.store()
			.status(job.importId(), job.status(), null, this.services.clock().instant()));
	}

	private void undo(UUID importId, String user) {
		List<ParticipantId> cases = this.services.store().cases(importId);
		log.info("Undoing import {}: {} cases", importId, cases.size());
		TransactionTemplate transaction = new TransactionTemplate(this.services.transactions());
		LocalDate today = LocalDate.now(this.services.clock());
		int done = 0;
		for (ParticipantId participant : cases) {
			try {
				transaction.executeWithoutResult((status) -> {
					List<EventId> recorded = this.events.readEvents(participant.toString())
						.asStream()
						.filter((event) -> importId.toString()
							.equals(String.valueOf(event.getMetaData().get(RecordingMetadata.IMPORT_ID))))
						.map((event) -> EventId.of(event.getIdentifier()))
						.toList();
					if (!recorded.isEmpty()) {
						this.services.commands()
							.sendAndWait(GenericCommandMessage
								.asCommandMessage(new RetractImportedEvents(participant, importId.toString(), recorded,
										"import " + importId + " undone", today))
								.andMetaData(Map.of(RecordingMetadata.RECORDED_BY, user)));
					}
				});
				done++;
			}
			catch (RuntimeException ex) {
				log.warn("Undoing import {}: case {} could not be retracted", importId, participant, ex);
			}
		}
		this.services.store().reverted(importId, user, done, this.services.clock().instant());
		log.info("Import {} undone: {} of {} cases", importId, done, cases.size());
	}

	private void submit(Runnable task, Runnable refused) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			refused.run();
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "import-queue-full");
		}
	}

	Instant now() {
		return this.services.clock().instant();
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
