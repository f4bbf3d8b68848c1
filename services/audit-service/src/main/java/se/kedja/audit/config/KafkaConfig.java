package se.kedja.audit.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import se.kedja.events.Topic;
import se.kedja.events.Topics;
import se.kedja.events.json.EventFormatException;

/**
 * A record that is not a case event goes straight to the dead-letter topic with the
 * reason in its headers ({@code kafka_dlt-exception-message}, …); a failing database is
 * retried with back-off first. Either way the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	DefaultErrorHandler caseEventErrorHandler(KafkaOperations<?, ?> template) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.CASE_EVENTS_DLT.name(), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		backOff.setMaxElapsedTime(5 * 60_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(EventFormatException.class, DeserializationException.class,
				NonTransientDataAccessException.class, IllegalArgumentException.class, NullPointerException.class);
		return handler;
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
