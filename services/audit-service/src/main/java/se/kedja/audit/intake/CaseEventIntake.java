package se.kedja.audit.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.audit.store.CaseEventStore;
import se.kedja.audit.store.StoredEvent;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.json.EventJson;
import se.kedja.support.outage.DatabaseFailures;

/**
 * Copies every case event from the topic into the audit store, a poll's batch at a time
 * in one transaction. The offsets are acknowledged only after the rows are committed; a
 * redelivered event hits the {@code event_id} dedupe key and changes nothing.
 * <p>
 * A failure names the record it concerns ({@link BatchListenerFailedException} with its
 * index), after the records before it are committed: the error handler then commits their
 * offsets and retries or dead-letters that record, and the rest of the batch comes again.
 * A record that is not a case event is named at once. A database that is down fails the
 * whole batch, which names its first record, so that all of it waits. Any other failure
 * of the batch is found by storing its records one transaction each.
 */
@Component
class CaseEventIntake {

	static final String GROUP = "audit-service";

	private final CaseEventStore store;

	private final TransactionTemplate transactions;

	private final EventJson json;

	private final Clock clock;

	CaseEventIntake(CaseEventStore store, TransactionTemplate transactions, EventJson json, Clock clock) {
		this.store = store;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	@KafkaListener(id = "audit-intake", topics = "#{T(se.kedja.events.Topics).CASE_EVENTS.name()}", groupId = GROUP,
			batch = "true")
	void receive(List<ConsumerRecord<String, byte @Nullable []>> records, Acknowledgment acknowledgment) {
		Instant receivedAt = clock.instant();
		List<ReceivedEvent> received = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte @Nullable []> record : records) {
			try {
				received.add(ReceivedEvent.of(record, json, receivedAt));
			}
			catch (RuntimeException ex) {
				store(received);
				throw new BatchListenerFailedException("Record " + record.topic() + "-" + record.partition() + "@"
						+ record.offset() + " is not a case event: " + ex.getMessage(), ex, received.size());
			}
		}
		store(received);
		acknowledgment.acknowledge();
	}

	/** Stores the events, which are the batch's first records in order. */
	private void store(List<ReceivedEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		try {
			storeTogether(events);
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.transientFailure(ex)) {
				throw new BatchListenerFailedException("The database could not store the batch: " + ex.getMessage(), ex,
						0);
			}
			storeOneByOne(events);
		}
	}

	private void storeOneByOne(List<ReceivedEvent> events) {
		for (int index = 0; index < events.size(); index++) {
			try {
				storeTogether(List.of(events.get(index)));
			}
			catch (RuntimeException ex) {
				StoredEvent failed = events.get(index).stored();
				throw new BatchListenerFailedException("Event " + failed.eventId() + " at offset " + failed.offset()
						+ " was not stored: " + ex.getMessage(), ex, index);
			}
		}
	}

	private void storeTogether(List<ReceivedEvent> events) {
		List<StoredEvent> rows = events.stream().map(ReceivedEvent::stored).toList();
		List<ParticipantEnrolled> enrolments = events.stream()
			.map((event) -> event.envelope().payload())
			.filter(ParticipantEnrolled.class::isInstance)
			.map(ParticipantEnrolled.class::cast)
			.toList();
		transactions.executeWithoutResult((status) -> {
			store.append(rows);
			if (!enrolments.isEmpty()) {
				store.assignProjects(enrolments);
			}
		});
	}

}
