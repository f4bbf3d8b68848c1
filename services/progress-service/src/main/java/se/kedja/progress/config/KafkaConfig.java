package se.kedja.progress.config;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import se.kedja.events.Topic;
import se.kedja.events.Topics;
import se.kedja.events.json.EventFormatException;
import se.kedja.progress.intake.DeadLetters;
import se.kedja.support.outage.DatabaseFailures;

/**
 * Poison events go to a dead-letter topic with the reason in its headers, and are listed
 * in the dead_letter table. An event that cannot be read is not retried; anything else is
 * retried twice first — except a database that is down or a transaction that lost a race:
 * those are retried with back-off (up to {@link #MAX_TRANSIENT_INTERVAL} apart) for as
 * long as it takes, because the event is fine and a dead letter would drop it from the
 * figures.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	static final String PROJECT_EVENTS_DLT = Topics.PROJECT_EVENTS.name() + ".dlt";

	static final Duration MAX_TRANSIENT_INTERVAL = Duration.ofSeconds(10);

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, DeadLetters deadLetters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic().equals(Topics.PROJECT_EVENTS.name())
						? PROJECT_EVENTS_DLT : Topics.CASE_EVENTS_DLT.name(), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			deadLetters.record(record, ex);
			publisher.accept(record, ex);
		}, new FixedBackOff(200, 2));
		handler.setBackOffFunction(
				(record, failure) -> DatabaseFailures.transientFailure(failure) ? untilTheDatabaseAnswers() : null);
		handler.addNotRetryableExceptions(EventFormatException.class, IllegalArgumentException.class,
				NullPointerException.class);
		return handler;
	}

	/** No limit on attempts or time: only the interval is bounded. */
	private static BackOff untilTheDatabaseAnswers() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(MAX_TRANSIENT_INTERVAL.toMillis());
		return backOff;
	}

	@Bean
	NewTopic caseEvents() {
		return topic(Topics.CASE_EVENTS);
	}

	@Bean
	NewTopic projectEvents() {
		return topic(Topics.PROJECT_EVENTS);
	}

	@Bean
	NewTopic caseEventsDeadLetters() {
		return topic(Topics.CASE_EVENTS_DLT);
	}

	@Bean
	NewTopic projectEventsDeadLetters() {
		return TopicBuilder.name(PROJECT_EVENTS_DLT).partitions(1).replicas(1).build();
	}

	private static NewTopic topic(Topic<?, ?> topic) {
		return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(1).build();
	}

}
