package se.kedja.progress.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import se.kedja.progress.intake.CaseEventListener;
import se.kedja.progress.intake.CaseEventProjection;
import se.kedja.progress.intake.ProjectEventProjection;
import se.kedja.progress.intake.ProjectionTables;
import se.kedja.support.outage.DatabaseFailures;
import se.kedja.support.problem.ProblemException;

/**
 * Rebuilds every projection while the live ones keep serving: a new consumer group reads
 * both topics from the beginning into the shadow tables; once it has caught up, the live
 * listeners pause, the rebuild reads the last few events, the tables swap names in one
 * transaction, and the live listeners resume (their redelivered events are deduped).
 */
@Service
public class ProjectionRebuild {

	private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

	private static final Duration MAX_DATABASE_WAIT = Duration.ofSeconds(10);

	/**
	 * Records per poll, and so per transaction: each costs a few round trips and a commit
	 * whatever its size, so a rebuild takes them larger than the live listeners do.
	 */
	private static final int MAX_POLL_RECORDS = 2000;

	private static final List<String> TOPICS = List.of(Topics.PROJECT_EVENTS.name(), Topics.CASE_EVENTS.name());

	private final KafkaProperties kafka;

	private final EventJson json;

	private final CaseEventProjection cases;

	private final ProjectEventProjection projects;

	private final TableSwap swap;

	private final KafkaListenerEndpointRegistry listeners;

	private final Clock clock;

	private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);

	ProjectionRebuild(KafkaProperties kafka, EventJson json, CaseEventProjection cases, ProjectEventProjection projects,
			TableSwap swap, KafkaListenerEndpointRegistry listeners, Clock clock) {
		this.kafka = kafka;
		this.json = json;
		this.cases = cases;
		this.projects = projects;
		this.swap = swap;
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
			readUntil(consumer, end, progress);
			this.swap.analyzeShadow();
			this.status.set(progress.status(RebuildStatus.State.SWAPPING, null));
			List<MessageListenerContainer> live = liveContainers();
			live.forEach(MessageListenerContainer::pause);
			try {
				awaitPaused(live);
				readUntil(consumer, consumer.endOffsets(partitions), progress);
				this.swap.swap();
			}
			finally {
				live.forEach(MessageListenerContainer::resume);
			}
			this.status.set(progress.status(RebuildStatus.State.SWAPPED, null));
			log.info("Rebuild {} swapped in after {} events", group, progress.done);
		}
		catch (RuntimeException ex) {
			log.error("Rebuild {} failed", group, ex);
			RebuildStatus failed = this.status.get();
			this.status.set(new RebuildStatus(RebuildStatus.State.FAILED, group, startedAt, this.clock.instant(),
					failed.eventsDone(), failed.eventsTotal(), failed.eventsPerSecond(), null, failed.eventsSkipped(),
					ex.getMessage()));
		}
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
			}
		}
		if (envelopes.isEmpty()) {
			return;
		}
		try {
			onceTheDatabaseAnswers(() -> this.swap.fill(() -> this.cases.applyAll(ProjectionTables.SHADOW, envelopes)),
					readable.get(0).topic() + " from offset " + readable.get(0).offset());
			progress.done += envelopes.size();
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
			return;
		}
		progress.done++;
	}

	private static void skip(ConsumerRecord<String, byte[]> record, Progress progress) {
		progress.skipped++;
		progress.done++;
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

	/** Counts what the rebuild has read, for the status. */
	private final class Progress {

		private final String group;

		private final Instant startedAt;

		private final long total;

		long done;

		long skipped;

		Progress(String group, Instant startedAt, long total) {
			this.group = group;
			this.startedAt = startedAt;
			this.total = total;
		}

		RebuildStatus status(RebuildStatus.State state, Instant finishedAt) {
			Instant now = ProjectionRebuild.this.clock.instant();
			double seconds = Math.max(0.001, Duration.between(this.startedAt, now).toMillis() / 1000.0);
			double rate = this.done / seconds;
			Double left = (rate > 0) ? Math.max(0, this.total - this.done) / rate : null;
			Instant finished = (state == RebuildStatus.State.SWAPPED) ? now : finishedAt;
			return new RebuildStatus(state, this.group, this.startedAt, finished, this.done,
					Math.max(this.total, this.done), Math.round(rate * 10) / 10.0, left, this.skipped, null);
		}

	}

}
