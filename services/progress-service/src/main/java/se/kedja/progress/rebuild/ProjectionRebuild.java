package se.kedja.progress.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.intake.BulkProjection;
import se.kedja.progress.intake.CaseReplay;
import se.kedja.progress.intake.CaseEventListener;
import se.kedja.progress.intake.CaseEventProjection;
import se.kedja.progress.intake.ProjectEventProjection;
import se.kedja.progress.intake.ProjectionTables;
import se.kedja.progress.rebuild.Arrivals.Arrival;
import se.kedja.support.outage.DatabaseFailures;
import se.kedja.support.problem.ProblemException;

/**
 * Rebuilds every projection while the live ones keep serving: a new consumer group reads
 * both topics from the beginning into the shadow tables; once it has caught up, the live
 * listeners pause, the rebuild reads the last few events, the tables swap names in one
 * transaction, and the live listeners resume (their redelivered events are deduped).
 * <p>
 * What the topics held when it started is read in bulk: project definitions are applied
 * as they come, case events are only appended, unparsed, to {@link Arrivals}; then each
 * case is folded once from its arrivals ({@code CaseReplay}: the same dedupe, folds and
 * rows as event-by-event intake with the definitions already in force) and written with
 * COPY, its counters summed in memory and written at the end. What arrived meanwhile, and
 * the tail once the live listeners pause, go through the projections event by event.
 */
@Service
public class ProjectionRebuild {

	private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

	private static final Duration MAX_DATABASE_WAIT = Duration.ofSeconds(10);

	/**
	 * Records per poll, and so per transaction: each costs a few round trips and a commit
	 * whatever its size, so a rebuild takes them larger than the live listeners do.
	 */
	private static final int MAX_POLL_RECORDS = 5000;

	/** Case events folded and written per transaction of the bulk fold. */
	private static final int FOLD_CHUNK = 5_000;

	private static final List<String> TOPICS = List.of(Topics.PROJECT_EVENTS.name(), Topics.CASE_EVENTS.name());

	private final KafkaProperties kafka;

	private final EventJson json;

	private final CaseEventProjection cases;

	private final ProjectEventProjection projects;

	private final TableSwap swap;

	private final Arrivals arrivals;

	private final BulkProjection bulk;

	private final KafkaListenerEndpointRegistry listeners;

	private final Clock clock;

	private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);

	ProjectionRebuild(KafkaProperties kafka, EventJson json, CaseEventProjection cases, ProjectEventProjection projects,
			TableSwap swap, Arrivals arrivals, BulkProjection bulk, KafkaListenerEndpointRegistry listeners,
			Clock clock) {
		this.kafka = kafka;
		this.json = json;
		this.cases = cases;
		this.projects = projects;
		this.swap = swap;
		this.arrivals = arrivals;
		this.bulk = bulk;
		this.listeners = listeners;
		this.clock = clock;
	}

	public RebuildStatus status() {
		return this.status.get();
	}

	public synchronized RebuildStatus start() {
		RebuildStatus current = this.status.get();
		if (current.state() == RebuildStatus.State.RUNNING || current.state() == RebuildStatus.State.SWAPPING) {
			throw new ProblemException(HttpStatus.CONFLICT, "rebuild-running", current.startedAt());
		}
		Instant startedAt = this.clock.instant();
		String group = "progress-service-rebuild-" + startedAt.toEpochMilli();
		this.swap.clearShadow();
		this.swap.restoreShadowIndexes();
		this.arrivals.clear();
		RebuildStatus started = new RebuildStatus(RebuildStatus.State.RUNNING, group, startedAt, null, 0, 0, 0, null, 0,
				null);
		this.status.set(started);
		Thread.ofPlatform().name("projection-rebuild").daemon().start(() -> run(group, startedAt));
		return started;
	}

	private void run(String group, Instant startedAt) {
		try (Consumer<String, byte[]> consumer = consumer(group)) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				for (PartitionInfo info : consumer.partitionsFor(topic)) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long total = 0;
			for (TopicPartition partition : partitions) {
				total += end.get(partition) - begin.get(partition);
			}
			Progress progress = new Progress(group, startedAt, total);
			long read = System.nanoTime();
			readInBulk(consumer, end, progress);
			long folded = System.nanoTime();
			foldArrivals(progress);
			log.info("Rebuild {} read {} case events in bulk in {} ms, folded them in {} ms", group, progress.read,
					(folded - read) / 1_000_000, (System.nanoTime() - folded) / 1_000_000);
			readUntil(consumer, consumer.endOffsets(partitions), progress);
			this.status.set(progress.status(RebuildStatus.State.SWAPPING, null));
			List<MessageListenerContainer> live = liveContainers();
			live.forEach(MessageListenerContainer::pause);
			try {
				// while the listeners finish their polls
				this.swap.analyzeShadow();
				awaitPaused(live);
				readUntil(consumer, consumer.endOffsets(partitions), progress);
				this.swap.swap();
			}
			finally {
				live.forEach(MessageListenerContainer::resume);
			}
			this.status.set(progress.status(RebuildStatus.State.SWAPPED, null));
			log.info("Rebuild {} swapped in after {} events", group, progress.done());
		}
		catch (RuntimeException ex) {
			log.error("Rebuild {} failed", group, ex);
			RebuildStatus failed = this.status.get();
			this.status.set(new RebuildStatus(RebuildStatus.State.FAILED, group, startedAt, this.clock.instant(),
					failed.eventsDone(), failed.eventsTotal(), failed.eventsPerSecond(), null, failed.eventsSkipped(),
					ex.getMessage()));
		}
	}

	/**
	 * Reads up to {@code end}: project events applied as they come (no case is in the
	 * shadow tables yet, so each only keeps its definition), case events appended to the
	 * arrivals, one COPY per poll. A record's case is its key, as the publisher keys
	 * them; the value is read only when the key is not a participant id.
	 */
	private void readInBulk(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end, Progress progress) {
		long arrival = 0;
		while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
			List<Arrival> polled = new ArrayList<>();
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				if (record.topic().equals(Topics.PROJECT_EVENTS.name())) {
					applyOne(record, progress);
					continue;
				}
				UUID participantId = participantOf(record);
				if (participantId == null) {
					skip(record, progress);
					progress.read++;
					progress.folded++;
					continue;
				}
				polled.add(new Arrival(arrival++, participantId, record.value()));
			}
			if (!polled.isEmpty()) {
				onceTheDatabaseAnswers(() -> this.swap.fill(() -> this.arrivals.append(polled)),
						"arrivals from " + polled.get(0).arrival());
				progress.read += polled.size();
			}
			this.status.set(progress.status(RebuildStatus.State.RUNNING, null));
		}
	}

	private @Nullable UUID participantOf(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return null;
		}
		if (record.key() != null) {
			try {
				return UUID.fromString(record.key());
			}
			catch (IllegalArgumentException ex) {
				// not keyed by its case: read below
			}
		}
		try {
			return this.json.readCase(record.value()).payload().participantId().value();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Folds each case once from its arrivals and writes a chunk of cases per transaction.
	 * A database outage is waited out and the fold goes on after the last chunk written;
	 * a chunk the database refuses for another reason is applied event by event instead,
	 * as is a case whose replay fails and an event that names another case than its key.
	 */
	private void foldArrivals(Progress progress) {
		Function<String, List<Goal>> goals = this.bulk.goalsInForce(ProjectionTables.SHADOW);
		Fold fold = new Fold(goals, progress);
		List<String> indexes = new ArrayList<>();
		onceTheDatabaseAnswers(() -> indexes.addAll(this.swap.dropSecondaryIndexes()), "the shadow indexes");
		try {
			onceTheDatabaseAnswers(() -> {
				fold.restart();
				this.arrivals.forEach(fold.written, fold::accept);
				fold.finish();
			}, "the bulk fold");
		}
		finally {
			fold.close();
			onceTheDatabaseAnswers(() -> {
				this.swap.createIndexes(indexes);
				this.swap.restoreShadowIndexes();
			}, "the shadow indexes");
		}
		onceTheDatabaseAnswers(() -> this.swap.fill(() -> {
			// written once: the arrivals go in the same transaction
			if (this.arrivals.any()) {
				this.bulk.addTallies(ProjectionTables.SHADOW, fold.tallies);
				this.arrivals.clear();
			}
		}), "the counters");
		if (!fold.strays.isEmpty()) {
			applyEnvelopes(fold.strays, progress);
		}
	}

	/**
	 * The bulk fold's state. Cases are folded here and written on a thread of their own,
	 * a chunk at a time in their order: the database writes one chunk while the next is
	 * folded.
	 */
	private final class Fold {

		private final Function<String, List<Goal>> goals;

		private final Progress progress;

		private final ExecutorService writer = Executors
			.newSingleThreadExecutor(Thread.ofPlatform().name("projection-rebuild-writer").daemon().factory());

		/** Summed counters of the chunks written; the writer's alone. */
		final Map<String, Map<TallyKey, Long>> tallies = new TreeMap<>();

		final List<EventEnvelope<CaseEvent>> strays = new ArrayList<>();

		/** The last participant whose chunk is written. */
		volatile @Nullable UUID written;

		private @Nullable Future<?> writing;

		private Chunk chunk = new Chunk();

		private @Nullable CaseReplay replay;

		Fold(Function<String, List<Goal>> goals, Progress progress) {
			this.goals = goals;
			this.progress = progress;
		}

		/** Waits for the chunk being written, and starts again after it. */
		void restart() {
			awaitWriting();
			this.chunk = new Chunk();
			this.replay = null;
		}

		void accept(Arrival arrival) {
			if (this.replay == null || !this.replay.participantId().equals(arrival.participantId())) {
				endCase();
				if (this.chunk.rows >= FOLD_CHUNK) {
					write();
				}
				this.replay = ProjectionRebuild.this.bulk.replay(arrival.participantId(), this.goals);
			}
			Chunk chunk = this.chunk;
			chunk.rows++;
			chunk.last = arrival.participantId();
			EventEnvelope<CaseEvent> envelope;
			try {
				envelope = ProjectionRebuild.this.json.readCase(arrival.envelope());
			}
			catch (RuntimeException ex) {
				chunk.unreadable++;
				log.debug("Rebuild skips arrival {}: not a case event", arrival.arrival());
				return;
			}
			if (!envelope.payload().participantId().value().equals(arrival.participantId())) {
				this.strays.add(envelope);
				chunk.rows--;
				return;
			}
			chunk.delivered.computeIfAbsent(arrival.participantId(), (id) -> new ArrayList<>()).add(envelope);
			if (chunk.failed.contains(arrival.participantId())) {
				return;
			}
			try {
				if (!this.replay.deliver(envelope, arrival.envelope())) {
					chunk.skipped++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Rebuild replays {} event by event: {}", arrival.participantId(), ex.getMessage());
				chunk.failed.add(arrival.participantId());
			}
		}

		/** Writes the last chunk and waits until every chunk is written. */
		void finish() {
			endCase();
			write();
			awaitWriting();
		}

		void close() {
			this.writer.shutdownNow();
		}

		private void endCase() {
			if (this.replay == null) {
				return;
			}
			UUID participantId = this.replay.participantId();
			if (!this.chunk.failed.contains(participantId)) {
				try {
					this.replay.finish(this.chunk.tallies);
					this.chunk.replays.add(this.replay);
				}
				catch (RuntimeException ex) {
					log.warn("Rebuild replays {} event by event: {}", participantId, ex.getMessage());
					this.chunk.failed.add(participantId);
				}
			}
			this.replay = null;
		}

		private void write() {
			Chunk full = this.chunk;
			this.chunk = new Chunk();
			if (full.last == null) {
				return;
			}
			awaitWriting();
			this.writing = this.writer.submit(() -> write(full));
		}

		private void awaitWriting() {
			Future<?> pending = this.writing;
			this.writing = null;
			if (pending == null) {
				return;
			}
			try {
				pending.get();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException failure) ? failure
						: new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Rebuild interrupted while writing", ex);
			}
		}

		/**
		 * On the writer: the chunk's cases in one transaction; if the database refuses it
		 * for another reason than an outage, case by case through the projection.
		 */
		private void write(Chunk chunk) {
			long skipped = chunk.unreadable;
			try {
				onceTheDatabaseAnswers(
						() -> ProjectionRebuild.this.swap
							.fill(() -> ProjectionRebuild.this.bulk.write(ProjectionTables.SHADOW, chunk.replays)),
						"the bulk fold up to " + chunk.last);
				skipped += chunk.skipped;
				mergeTallies(chunk);
			}
			catch (RuntimeException ex) {
				if (DatabaseFailures.transientFailure(ex)) {
					throw ex;
				}
				if (ProjectionRebuild.this.bulk.written(ProjectionTables.SHADOW, chunk.replays)) {
					// a commit whose answer was lost, then tried again
					skipped += chunk.skipped;
					mergeTallies(chunk);
				}
				else {
					log.warn("Rebuild applies {} cases event by event: {}", chunk.replays.size(), ex.getMessage());
					for (CaseReplay replay : chunk.replays) {
						skipped += eventByEvent(chunk.delivered.get(replay.participantId()));
					}
				}
			}
			for (UUID participantId : chunk.failed) {
				skipped += eventByEvent(chunk.delivered.get(participantId));
			}
			this.written = chunk.last;
			this.progress.folded += chunk.rows;
			this.progress.skipped += skipped;
			ProjectionRebuild.this.status.set(this.progress.status(RebuildStatus.State.RUNNING, null));
		}

		private void mergeTallies(Chunk chunk) {
			add(chunk.tallies, this.tallies);
		}

		private static void add(Map<String, Map<TallyKey, Long>> sums, Map<String, Map<TallyKey, Long>> into) {
			sums.forEach((projectId, values) -> {
				Map<TallyKey, Long> project = into.computeIfAbsent(projectId, (id) -> new HashMap<>());
				values.forEach((key, value) -> project.merge(key, value, Long::sum));
			});
		}

		/** The events of one case through the projection, one transaction each. */
		private long eventByEvent(@Nullable List<EventEnvelope<CaseEvent>> envelopes) {
			long skipped = 0;
			for (EventEnvelope<CaseEvent> envelope : (envelopes != null) ? envelopes
					: List.<EventEnvelope<CaseEvent>>of()) {
				try {
					onceTheDatabaseAnswers(
							() -> ProjectionRebuild.this.swap
								.fill(() -> ProjectionRebuild.this.cases.apply(ProjectionTables.SHADOW, envelope)),
							"event " + envelope.eventId().value());
				}
				catch (RuntimeException ex) {
					if (DatabaseFailures.transientFailure(ex)) {
						throw ex;
					}
					skipped++;
				}
			}
			return skipped;
		}

	}

	/**
	 * Cases folded and not yet written: every event read of each (for the projection, if
	 * the chunk must go event by event), and the cases whose replay failed.
	 */
	private static final class Chunk {

		final List<CaseReplay> replays = new ArrayList<>();

		final Map<UUID, List<EventEnvelope<CaseEvent>>> delivered = new HashMap<>();

		final Set<UUID> failed = new HashSet<>();

		/** What the chunk's cases add to the counters, summed. */
		final Map<String, Map<TallyKey, Long>> tallies = new HashMap<>();

		@Nullable UUID last;

		long rows;

		long unreadable;

		long skipped;

	}

	/** Events read (not records), through the projection: the batch, else one by one. */
	private void applyEnvelopes(List<EventEnvelope<CaseEvent>> envelopes, Progress progress) {
		try {
			onceTheDatabaseAnswers(() -> this.swap.fill(() -> this.cases.applyAll(ProjectionTables.SHADOW, envelopes)),
					"events named by another case's key");
		}
		catch (RuntimeException ex) {
			for (EventEnvelope<CaseEvent> envelope : envelopes) {
				try {
					onceTheDatabaseAnswers(
							() -> this.swap.fill(() -> this.cases.apply(ProjectionTables.SHADOW, envelope)),
							"event " + envelope.eventId().value());
				}
				catch (RuntimeException failure) {
					progress.skipped++;
				}
			}
		}
		progress.folded += envelopes.size();
	}

	private void readUntil(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end, Progress progress) {
		while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
			List<ConsumerRecord<String, byte[]>> caseRecords = new ArrayList<>();
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				if (record.topic().equals(Topics.PROJECT_EVENTS.name())) {
					applyCases(caseRecords, progress);
					caseRecords.clear();
					applyOne(record, progress);
				}
				else {
					caseRecords.add(record);
				}
			}
			applyCases(caseRecords, progress);
			this.status.set(progress.status(RebuildStatus.State.RUNNING, null));
		}
	}

	/**
	 * A run of case events in one transaction; if that fails for another reason than the
	 * database, one by one, so only the events at fault are skipped.
	 */
	private void applyCases(List<ConsumerRecord<String, byte[]>> records, Progress progress) {
		List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(records.size());
		List<EventEnvelope<CaseEvent>> envelopes = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				envelopes.add(this.json.readCase(record.value()));
				readable.add(record);
			}
			catch (RuntimeException ex) {
				skip(record, progress);
				progress.applied++;
			}
		}
		if (envelopes.isEmpty()) {
			return;
		}
		try {
			onceTheDatabaseAnswers(() -> this.swap.fill(() -> this.cases.applyAll(ProjectionTables.SHADOW, envelopes)),
					readable.get(0).topic() + " from offset " + readable.get(0).offset());
			progress.applied += envelopes.size();
		}
		catch (RuntimeException ex) {
			readable.forEach((record) -> applyOne(record, progress));
		}
	}

	private void applyOne(ConsumerRecord<String, byte[]> record, Progress progress) {
		try {
			onceTheDatabaseAnswers(() -> this.swap.fill(() -> apply(record)),
					record.topic() + "-" + record.partition() + "@" + record.offset());
		}
		catch (RuntimeException ex) {
			skip(record, progress);
			progress.applied++;
			return;
		}
		progress.applied++;
	}

	private static void skip(ConsumerRecord<String, byte[]> record, Progress progress) {
		progress.skipped++;
		log.debug("Rebuild skips {}-{}@{}: already a dead letter", record.topic(), record.partition(), record.offset());
	}

	/**
	 * A database outage is waited out, never skipped: the swapped-in figures would miss
	 * the event for good.
	 */
	private void onceTheDatabaseAnswers(Runnable work, String where) {
		Duration wait = Duration.ofMillis(500);
		while (true) {
			try {
				work.run();
				return;
			}
			catch (RuntimeException ex) {
				if (!DatabaseFailures.transientFailure(ex)) {
					throw ex;
				}
				log.warn("Rebuild waits {} ms for the database at {}: {}", wait.toMillis(), where, ex.getMessage());
				sleep(wait);
				wait = min(wait.multipliedBy(2), MAX_DATABASE_WAIT);
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		if (record.topic().equals(Topics.PROJECT_EVENTS.name())) {
			this.projects.apply(ProjectionTables.SHADOW, this.json.readProject(record.value()));
		}
		else {
			this.cases.apply(ProjectionTables.SHADOW, this.json.readCase(record.value()));
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Rebuild interrupted while waiting for the database", ex);
		}
	}

	private List<MessageListenerContainer> liveContainers() {
		List<MessageListenerContainer> live = new ArrayList<>();
		for (String id : List.of(CaseEventListener.CASE_LISTENER, CaseEventListener.PROJECT_LISTENER)) {
			MessageListenerContainer container = this.listeners.getListenerContainer(id);
			if (container != null) {
				live.add(container);
			}
		}
		return live;
	}

	private static void awaitPaused(List<MessageListenerContainer> containers) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (containers.stream().anyMatch((c) -> c.isRunning() && !c.isContainerPaused())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The live listeners did not pause within 30 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while pausing the live listeners", ex);
			}
		}
	}

	private Consumer<String, byte[]> consumer(String group) {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
	}

	/**
	 * Counts what the rebuild has done, for the status: an event read in bulk is half
	 * done once appended and done once folded; an event applied one by one is done.
	 */
	private final class Progress {

		private final String group;

		private final Instant startedAt;

		private final long total;

		long read;

		long folded;

		long applied;

		long skipped;

		Progress(String group, Instant startedAt, long total) {
			this.group = group;
			this.startedAt = startedAt;
			this.total = total;
		}

		long done() {
			return (this.read + this.folded) / 2 + this.applied;
		}

		RebuildStatus status(RebuildStatus.State state, Instant finishedAt) {
			Instant now = ProjectionRebuild.this.clock.instant();
			double seconds = Math.max(0.001, Duration.between(this.startedAt, now).toMillis() / 1000.0);
			long done = done();
			double rate = done / seconds;
			Double left = (rate > 0) ? Math.max(0, this.total - done) / rate : null;
			Instant finished = (state == RebuildStatus.State.SWAPPED) ? now : finishedAt;
			return new RebuildStatus(state, this.group, this.startedAt, finished, done, Math.max(this.total, done),
					Math.round(rate * 10) / 10.0, left, this.skipped, null);
		}

	}

}
