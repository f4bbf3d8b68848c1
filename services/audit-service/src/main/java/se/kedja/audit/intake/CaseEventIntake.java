package se.kedja.audit.intake;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.audit.store.CaseEventStore;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.json.EventJson;

/**
 * Copies every case event from the topic into the audit store. The offset is acknowledged
 * only after the row is committed; a redelivered event hits the {@code event_id} dedupe
 * key and changes nothing. A record that is not a case event throws, and the error
 * handler sends it to the dead-letter topic.
 */
@Component
class CaseEventIntake {

	static final String GROUP = "audit-service";

	private static final Logger log = LoggerFactory.getLogger(CaseEventIntake.class);

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

	@KafkaListener(id = "audit-intake", topics = "#{T(se.kedja.events.Topics).CASE_EVENTS.name()}", groupId = GROUP)
	void receive(ConsumerRecord<String, byte @Nullable []> record, Acknowledgment acknowledgment) {
		ReceivedEvent received = ReceivedEvent.of(record, json, clock.instant());
		transactions.executeWithoutResult((status) -> {
			boolean stored = store.append(received.stored());
			if (received.envelope().payload() instanceof ParticipantEnrolled enrolled) {
				store.assignProject(enrolled.participantId(), enrolled.projectId());
			}
			if (!stored) {
				log.debug("Event {} was already stored; redelivery ignored", received.stored().eventId());
			}
		});
		acknowledgment.acknowledge();
	}

}
