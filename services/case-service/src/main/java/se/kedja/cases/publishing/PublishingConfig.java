package se.kedja.cases.publishing;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import se.kedja.events.EventEnvelope;
import se.kedja.events.Topics;
import se.kedja.events.kafka.EnvelopeSerializer;

/**
 * An idempotent producer that waits for all in-sync replicas, and the topics of the
 * catalogue, created if missing.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfig {

	/** A bean of its own, so that the context closes its producer when it closes. */
	@Bean
	DefaultKafkaProducerFactory<String, EventEnvelope<?>> envelopeProducerFactory(KafkaProperties properties) {
		Map<String, Object> config = properties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "case-service-publisher");
		return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EnvelopeSerializer());
	}

	@Bean
	KafkaTemplate<String, EventEnvelope<?>> envelopeKafkaTemplate(
			DefaultKafkaProducerFactory<String, EventEnvelope<?>> envelopeProducerFactory) {
		return new KafkaTemplate<>(envelopeProducerFactory);
	}

	@Bean
	KafkaAdmin.NewTopics kedjaTopics() {
		return new KafkaAdmin.NewTopics(Topics.all()
			.stream()
			.map((topic) -> TopicBuilder.name(topic.name()).partitions(topic.partitions()).build())
			.toArray(NewTopic[]::new));
	}

}
