package se.kedja.cases.imports;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import se.kedja.cases.config.DryRunDeadlines;
import se.kedja.cases.imports.ImportStore.LineResult;
import se.kedja.cases.participant.CaseRuleViolation;
import se.kedja.cases.personaldata.DuplicateEnrolmentException;
import se.kedja.cases.project.query.ProjectView;
import se.kedja.cases.publishing.RecordingMetadata;
import se.kedja.events.ParticipantId;
import se.kedja.support.problem.FieldProblem;
import se.kedja.support.problem.ProblemException;
import se.kedja.support.problem.Problems;

/**
 * One import as it runs: reads the file line by line and records a batch of lines per
 * transaction; a refused line changes nothing and the others stand. (Savepoints do not
 * work here: Axon rolls back the whole connection when a command is refused, so the lines
 * before it are sent again.) A dry run runs each person's lines in one transaction that
 * is rolled back at the end, and schedules no deadlines; after a refused line it starts
 * again and replays that person's accepted lines, so every line is judged against the
 * case as the real import would have left it. Reports and counts are written per batch; a
 * batch ends only between people.
 */
final class ImportRun implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

	private static final Locale SV = Locale.forLanguageTag("sv");

	private static final Locale EN = Locale.ENGLISH;

	private final ImportJobs.Services services;

	final UUID importId;

	final ProjectView project;

	final boolean dryRun;

	final String startedBy;

	final LineSource source;

	private final java.nio.file.Path file;

	final AtomicLong read = new AtomicLong();

	final AtomicLong accepted = new AtomicLong();

	final AtomicLong rejected = new AtomicLong();

	final AtomicLong already = new AtomicLong();

	volatile long startedNanos;

	volatile String status = "QUEUED";

	private final Map<String, ParticipantId> references = new HashMap<>();

	private final List<ImportLine> batch = new ArrayList<>();

	ImportRun(ImportJobs.Services services, UUID importId, ProjectView project, boolean dryRun, String startedBy,
			LineSource source, java.nio.file.Path file) {
		this.services = services;
		this.importId = importId;
		this.project = project;
		this.dryRun = dryRun;
		this.startedBy = startedBy;
		this.source = source;
		this.file = file;
	}

	@Override
	public void run() {
		Clock clock = this.services.clock();
		this.startedNanos = System.nanoTime();
		this.status = "RUNNING";
		this.services.store().status(this.importId, "RUNNING", null, clock.instant());
		log.info("Import {} into {} started ({}{})", this.importId, this.project.projectId().value(),
				this.source.getClass().getSimpleName(), this.dryRun ? ", dry run" : "");
		try {
			this.source.forEach(this::take);
			flush();
			this.status = "DONE";
			this.services.store().status(this.importId, "DONE", null, clock.instant());
			log.info("Import {} done: {} lines, {} accepted, {} rejected, {} already imported, {} lines/s",
					this.importId, this.read.get(), this.accepted.get(), this.rejected.get(), this.already.get(),
					Math.round(linesPerSecond()));
		}
		catch (IOException | RuntimeException ex) {
			this.status = "FAILED";
			String reason = ImportUploads.zipBomb(ex) ? "zip-bomb" : "unreadable-file";
			log.warn("Import {} failed after {} lines: {}", this.importId, this.read.get(), ex.toString());
			this.services.store()
				.counts(this.importId, this.read.get(), this.accepted.get(), this.rejected.get(), this.already.get());
			this.services.store().status(this.importId, "FAILED", reason, clock.instant());
		}
		finally {
			ImportUploads.delete(this.file);
		}
	}

	double linesPerSecond() {
		double seconds = (System.nanoTime() - this.startedNanos) / 1e9;
		return (this.startedNanos == 0 || seconds <= 0) ? 0 : this.read.get() / seconds;
	}

	@Nullable Long secondsLeft() {
		double fraction = this.source.fractionRead();
		if (this.startedNanos == 0 || fraction <= 0 || fraction >= 1) {
			return null;
		}
		double seconds = (System.nanoTime() - this.startedNanos) / 1e9;
		return Math.round(seconds * (1 - fraction) / fraction);
	}

	private void take(ImportLine line) {
		if (this.batch.size() >= this.services.properties().batchSize()
				&& !LineCommands.who(line).equals(LineCommands.who(this.batch.get(this.batch.size() - 1)))) {
			flush();
		}
		this.batch.add(line);
	}

	private void flush() {
		if (this.batch.isEmpty()) {
			return;
		}
		List<LineResult> results = new ArrayList<>();
		if (this.dryRun) {
			List<ImportLine> person = new ArrayList<>();
			for (ImportLine line : this.batch) {
				if (!person.isEmpty()
						&& !LineCommands.who(line).equals(LineCommands.who(person.get(person.size() - 1)))) {
					results.addAll(tryOut(person));
					person.clear();
				}
				person.add(line);
			}
			results.addAll(tryOut(person));
		}
		else {
			results.addAll(record(this.batch));
		}
		for (LineResult result : results) {
			switch (result.outcome()) {
				case "accepted" -> this.accepted.incrementAndGet();
				case "already-imported" -> this.already.incrementAndGet();
				default -> this.rejected.incrementAndGet();
			}
		}
		long before = this.read.get();
		this.read.addAndGet(this.batch.size());
		this.services.store().results(this.importId, results);
		this.services.store()
			.counts(this.importId, this.read.get(), this.accepted.get(), this.rejected.get(), this.already.get());
		int every = this.services.properties().logEvery();
		if (before / every != this.read.get() / every) {
			Long left = secondsLeft();
			log.info("Import {}: {} lines read, {} accepted, {} rejected, {} already imported, {} lines/s{}",
					this.importId, this.read.get(), this.accepted.get(), this.rejected.get(), this.already.get(),
					Math.round(linesPerSecond()), (left != null) ? ", about " + left + " s left" : "");
		}
		this.batch.clear();
	}

	/**
	 * A real import: the batch in one transaction. A refusal spoils the transaction, so
	 * it is rolled back, the lines accepted before it are sent again and committed, and
	 * the rest of the batch goes on in a new transaction.
	 */
	private List<LineResult> record(List<ImportLine> lines) {
		PlatformTransactionManager transactions = this.services.transactions();
		List<LineResult> results = new ArrayList<>();
		List<ImportLine> pending = new ArrayList<>();
		TransactionStatus status = transactions.getTransaction(TransactionDefinition.withDefaults());
		try {
			for (ImportLine line : lines) {
				try {
					LineResult result = attempt(line);
					if (result.outcome().equals("accepted")) {
						pending.add(line);
					}
					results.add(result);
				}
				catch (RuntimeException ex) {
					results.add(rejected(line, line.text(Columns.COMMAND), line.text(Columns.PARTICIPANT), ex));
					if (!status.isCompleted()) {
						transactions.rollback(status);
					}
					status = transactions.getTransaction(TransactionDefinition.withDefaults());
					for (ImportLine replay : pending) {
						attempt(replay);
					}
					transactions.commit(status);
					pending.clear();
					status = transactions.getTransaction(TransactionDefinition.withDefaults());
				}
			}
			transactions.commit(status);
		}
		catch (RuntimeException ex) {
			if (!status.isCompleted()) {
				transactions.rollback(status);
			}
			log.warn("Import {}: {} lines could not be committed", this.importId, pending.size(), ex);
			List<Long> lost = pending.stream().map(ImportLine::number).toList();
			results.replaceAll(
					(r) -> lost.contains(r.line())
							? new LineResult(r.line(), "rejected", r.command(), r.participant(), "", "not-recorded",
									message("import.line.not-recorded", SV), message("import.line.not-recorded", EN))
							: r);
		}
		return results;
	}

	/**
	 * A dry run of one person's lines: one transaction, rolled back at the end; after a
	 * refusal (which spoils the transaction) a new one replays the accepted lines.
	 */
	private List<LineResult> tryOut(List<ImportLine> lines) {
		PlatformTransactionManager transactions = this.services.transactions();
		List<LineResult> results = new ArrayList<>();
		List<ImportLine> accepted = new ArrayList<>();
		TransactionStatus status = transactions.getTransaction(TransactionDefinition.withDefaults());
		try {
			for (ImportLine line : lines) {
				try {
					LineResult result = attempt(line);
					if (result.outcome().equals("accepted")) {
						accepted.add(line);
					}
					results.add(result);
				}
				catch (RuntimeException ex) {
					results.add(rejected(line, line.text(Columns.COMMAND), line.text(Columns.PARTICIPANT), ex));
					if (!status.isCompleted()) {
						transactions.rollback(status);
					}
					status = transactions.getTransaction(TransactionDefinition.withDefaults());
					for (ImportLine replay : accepted) {
						attempt(replay);
					}
				}
			}
		}
		finally {
			if (!status.isCompleted()) {
				transactions.rollback(status);
			}
			lines.forEach((line) -> this.references.remove(line.text(Columns.PARTICIPANT)));
		}
		return results;
	}

	/** Sends the line's command in the current transaction; throws when it is refused. */
	private LineResult attempt(ImportLine line) {
		String command = line.text(Columns.COMMAND);
		String reference = line.text(Columns.PARTICIPANT);
		String projectId = this.project.projectId().value();
		LineCommands.Prepared prepared = this.services.lines().prepare(line, this.project);
		if (this.services.store().imported(projectId, prepared.identity())) {
			return new LineResult(line.number(), "already-imported", command, reference, "", "already-imported",
					message("import.line.already-imported", SV), message("import.line.already-imported", EN));
		}
		Map<String, Object> metadata = new HashMap<>();
		metadata.put(RecordingMetadata.IMPORT_ID, this.importId.toString());
		metadata.put(RecordingMetadata.RECORDED_BY, this.startedBy);
		if (this.dryRun) {
			metadata.put(DryRunDeadlines.DRY_RUN, true);
		}
		ParticipantId target;
		if (prepared.enrolment() != null) {
			target = this.services.enrolments().enrol(projectId, prepared.enrolment(), metadata);
		}
		else {
			target = find(line, prepared);
			this.services.commands()
				.sendAndWait(
						GenericCommandMessage.asCommandMessage(prepared.onCase().apply(target)).andMetaData(metadata));
		}
		this.services.store().recordLine(projectId, prepared.identity(), this.importId, target);
		if (prepared.enrolment() != null && !reference.isEmpty()) {
			this.services.store().recordParticipant(projectId, reference, target, this.importId);
			this.references.put(reference, target);
		}
		return new LineResult(line.number(), "accepted", command, reference, "", "", "", "");
	}

	private ParticipantId find(ImportLine line, LineCommands.Prepared prepared) {
		String projectId = this.project.projectId().value();
		String who = LineCommands.who(line);
		Optional<ParticipantId> found = Optional.empty();
		if (who.startsWith("ref:")) {
			String reference = who.substring(4);
			found = Optional.ofNullable(this.references.get(reference))
				.or(() -> this.services.store().participant(projectId, reference));
		}
		else if (who.startsWith("id:")) {
			try {
				found = Optional.of(ParticipantId.of(who.substring(3)));
			}
			catch (IllegalArgumentException ex) {
				found = Optional.empty();
			}
		}
		else if (who.startsWith("pnr:")) {
			found = se.kedja.cases.personaldata.Personnummer
				.parse(who.substring(4), java.time.LocalDate.now(this.services.clock()))
				.flatMap((personnummer) -> this.services.personalData()
					.openCase(this.project.projectId(), personnummer));
		}
		return found.filter((participant) -> projectId.equals(this.services.caseProject(participant)))
			.orElseThrow(() -> new LineRejection(Columns.PARTICIPANT, "unknown-participant",
					"import.line.unknown-participant", who.replaceFirst("^(ref|id|pnr):", "")));
	}

	private LineResult rejected(ImportLine line, String command, String reference, RuntimeException ex) {
		String dateField = ImportCommand.named(command).map(ImportCommand::dateField).orElse("");
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof LineRejection rejection) {
				return result(line, command, reference, rejection.column(), rejection.code(), rejection.key(),
						rejection.args());
			}
			if (cause instanceof CaseRuleViolation violation) {
				String name = violation.error().name();
				return result(line, command, reference, name.startsWith("DATE_") ? dateField : "",
						name.toLowerCase(Locale.ROOT).replace('_', '-'), name);
			}
			if (cause instanceof DuplicateEnrolmentException) {
				return result(line, command, reference, "personnummer", "duplicate-enrolment",
						"problem.duplicate-enrolment.detail");
			}
			if (cause instanceof ProblemException problem) {
				if (!problem.errors().isEmpty()) {
					FieldProblem field = problem.errors().get(0);
					return result(line, command, reference, field.field(), field.code(), "field." + field.code());
				}
				return result(line, command, reference, "", problem.code(), "problem." + problem.code() + ".detail",
						problem.args());
			}
			if (cause instanceof AggregateNotFoundException) {
				return result(line, command, reference, Columns.PARTICIPANT, "unknown-participant",
						"import.line.unknown-participant", reference);
			}
			if (cause instanceof DataAccessException) {
				break;
			}
		}
		log.warn("Import {}: line {} failed", this.importId, line.number(), ex);
		return result(line, command, reference, "", "not-recorded", "import.line.not-recorded");
	}

	private LineResult result(ImportLine line, String command, String reference, String column, String code, String key,
			Object... args) {
		return new LineResult(line.number(), "rejected", command, reference, column, code, message(key, SV, args),
				message(key, EN, args));
	}

	private String message(String key, Locale locale, Object... args) {
		Problems problems = this.services.problems();
		String text = problems.message(key, args, null, locale);
		if (text == null && key.startsWith("problem.") && key.endsWith(".detail")) {
			text = problems.message(key.replace(".detail", ".title"), args, null, locale);
		}
		return (text != null) ? text : key;
	}

}
