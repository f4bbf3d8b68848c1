package se.kedja.audit.config;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import se.kedja.events.Topic;
import se.kedja.events.Topics;
import se.kedja.events.json.EventFormatException;
import se.kedja.support.outage.DatabaseFailures;

/**
 * A record that is not a case event goes straight to the dead-letter topic with the
 * reason in its headers ({@code kafka_dlt-exception-message}, …), and so does one the
 * database refuses for good. A database that is down or a transaction that lost a race is
 * retried with back-off (up to {@link #MAX_TRANSIENT_INTERVAL} apart) for as long as it
 * takes: the event is fine, and a dead letter would leave a gap in the audit copy. Any
 * other failure is retried with back-off for five minutes first. The partition moves on
 * only after the event is stored or dead-lettered.
 * <p>
 * The intake takes a poll's records as a batch, and names the record a failure concerns
 * ({@code BatchListenerFailedException}): the records before it are stored and their
 * offsets committed, that record is retried or dead-lettered as above, and the rest come
 * again. A database outage names the batch's first record, so the whole batch waits.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	static final Duration MAX_TRANSIENT_INTERVAL = Duration.ofSeconds(10);

	@Bean
	DefaultErrorHandler caseEventErrorHandler(KafkaOperations<?, ?> template) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.CASE_EVENTS_DLT.name(), -1));
		ExponentialBackOff otherFailures = new ExponentialBackOff(500, 2.0);
		otherFailures.setMaxInterval(30_000);
		otherFailures.setMaxElapsedTime(5 * 60_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, otherFailures);
		handler.setBackOffFunction((record, failure) -> {
			if (DatabaseFailures.transientFailure(failure)) {
				return untilTheDatabaseAnswers();
			}
			// a constraint or a bad value: another try would be refused the same way
			return refusedByTheDatabase(failure) ? new FixedBackOff(0, 0) : null;
		});
		handler.addNotRetryableExceptions(EventFormatException.class, DeserializationException.class,
				IllegalArgumentException.class, NullPointerException.class);
		return handler;
	}

	private static boolean refusedByTheDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof NonTransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

	/** No limit on attempts or time: only the interval is bounded. */
	private static BackOff untilTheDatabaseAnswers() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(MAX_TRANSIENT_INTERVAL.toMillis());
		return backOff;
	}

	@Bean
	NewTopic caseEventsTopic() {
		return topic(Topics.CASE_EVENTS);
	}

	@Bean
	NewTopic caseEventsDeadLetterTopic() {
		return topic(Topics.CASE_EVENTS_DLT);
	}

	private static NewTopic topic(Topic<?, ?> topic) {
		return new NewTopic(topic.name(), topic.partitions(), (short) 1);
	}

}
