package se.kedja.progress.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import se.kedja.events.Topic;
import se.kedja.events.Topics;
import se.kedja.events.json.EventFormatException;
import se.kedja.progress.intake.DeadLetters;

/**
 * Poison events go to a dead-letter topic with the reason in its headers, and are listed
 * in the dead_letter table. An event that cannot be read is not retried; anything else is
 * retried twice first.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	static final String PROJECT_EVENTS_DLT = Topics.PROJECT_EVENTS.name() + ".dlt";

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, DeadLetters deadLetters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic().equals(Topics.PROJECT_EVENTS.name())
						? PROJECT_EVENTS_DLT : Topics.CASE_EVENTS_DLT.name(), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			deadLetters.record(record, ex);
			publisher.accept(record, ex);
		}, new FixedBackOff(200, 2));
		handler.addNotRetryableExceptions(EventFormatException.class, IllegalArgumentException.class,
				NullPointerException.class);
		return handler;
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
