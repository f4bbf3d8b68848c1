package se.kedja.cases.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.SortedSet;

import javax.sql.DataSource;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import se.kedja.cases.participant.PastDueGrace;

/**
 * Axon on PostgreSQL without Axon Server. Axon's own JDBC auto-configuration does not
 * activate under Boot 4, so the storage beans are declared here; Flyway creates their
 * tables (V1__axon.sql).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

	public static final String KAFKA_PUBLISHER = "kafka-publisher";

	public static final String CASE_READ_MODEL = "case-read-model";

	/** Rows the event store reads a query; also the kafka-publisher's batch. */
	static final int BATCH_SIZE = 100;

	/**
	 * How long a gap in the global index is waited for: an event appended by a
	 * transaction that commits later than this after the events around it were created is
	 * skipped by the publisher. Axon's default, kept: commands commit in milliseconds.
	 */
	static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How many indexes behind the highest one read a gap is still waited for (Axon's
	 * default): ten thousand events committed meanwhile, several seconds at the write
	 * path's top rate.
	 */
	static final int MAX_GAP_OFFSET = 10_000;

	/**
	 * Gaps in a token above which the engine tries to drop timed-out ones (Axon's
	 * default).
	 */
	static final int GAP_CLEANING_THRESHOLD = 250;

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Named by {@code @Aggregate(lockFactory = ...)} on ParticipantCase. */
	@Bean
	LockFactory transactionScopedLockFactory() {
		return new TransactionScopedLockFactory();
	}

	/**
	 * Named by {@code @Aggregate(cache = ...)} on ParticipantCase; a size of 0 turns it
	 * off (several case-service instances, see CaseCache).
	 */
	@Bean
	Cache caseCache(@Value("${kedja.cases.aggregate-cache.size}") long size,
			@Value("${kedja.cases.aggregate-cache.idle}") Duration idle) {
		return (size > 0) ? new CaseCache(size, idle) : NoCache.INSTANCE;
	}

	@Bean
	PastDueGrace pastDueGrace(@Value("${kedja.deadlines.past-due-grace:PT10M}") Duration grace) {
		return new PastDueGrace(grace);
	}

	@Bean
	TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
		return new SpringTransactionManager(transactionManager);
	}

	@Bean
	ConnectionProvider axonConnectionProvider(DataSource dataSource) {
		return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
	}

	@Bean
	@Primary
	Serializer serializer() {
		return Jackson3Serializer.builder().build();
	}

	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer() {
		return Jackson3Serializer.builder().build();
	}

	@Bean
	@Qualifier("messageSerializer")
	Serializer messageSerializer() {
		return Jackson3Serializer.builder().build();
	}

	@Bean
	PersistenceExceptionResolver persistenceExceptionResolver() {
		return new JdbcSQLErrorCodesResolver();
	}

	@Bean
	EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
			Serializer snapshotSerializer, ConnectionProvider connectionProvider, TransactionManager transactionManager,
			PersistenceExceptionResolver persistenceExceptionResolver,
			org.axonframework.config.Configuration configuration) {
		return trackingSettings(JdbcEventStorageEngine.builder()).connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.eventSerializer(eventSerializer)
			.snapshotSerializer(snapshotSerializer)
			.persistenceExceptionResolver(persistenceExceptionResolver)
			.upcasterChain(configuration.upcasterChain())
			.snapshotFilter(configuration.snapshotFilter())
			.schema(eventSchema())
			.build();
	}

	/** How the engine reads the store in global order and waits for gaps. */
	static JdbcEventStorageEngine.Builder trackingSettings(JdbcEventStorageEngine.Builder builder) {
		return builder.batchSize(BATCH_SIZE)
			.gapTimeout((int) GAP_TIMEOUT.toMillis())
			.maxGapOffset(MAX_GAP_OFFSET)
			.gapCleaningThreshold(GAP_CLEANING_THRESHOLD)
			.cleanGaps(AxonConfig::cleanGaps);
	}

	/**
	 * The rows Axon's gap cleaning walks: from the lowest gap up, in index order, at most
	 * {@link #BATCH_SIZE} of them. Axon's own statement selects every row from the lowest
	 * to the highest gap (up to {@link #MAX_GAP_OFFSET}) without an order. The walk stops
	 * at the first row that fills a gap or is younger than the gap timeout, so with gaps
	 * still inside the timeout it stopped at the first row, after PostgreSQL had sent up
	 * to ten thousand; that ran on every batch once a token held over 250 gaps, and made
	 * a catch-up over recent gaps a tenth as fast. Same rows, same rule, same order (now
	 * stated): a gap is dropped only if the events from the lowest gap up to it are older
	 * than the timeout, and a long walk goes on at the next batch.
	 */
	static PreparedStatement cleanGaps(Connection connection, EventSchema schema, SortedSet<Long> gaps)
			throws SQLException {
		String index = schema.globalIndexColumn();
		PreparedStatement statement = connection
			.prepareStatement("SELECT " + index + ", " + schema.timestampColumn() + " FROM " + schema.domainEventTable()
					+ " WHERE " + index + " >= ? AND " + index + " <= ? ORDER BY " + index + " LIMIT " + BATCH_SIZE);
		statement.setLong(1, gaps.first());
		statement.setLong(2, gaps.last() + 1);
		return statement;
	}

	@Bean
	TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.serializer(serializer)
			.schema(tokenSchema())
			.claimTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Snake-case names, as in V1__axon.sql (Axon's JDBC defaults are camel case). */
	static EventSchema eventSchema() {
		return EventSchema.builder()
			.eventTable("domain_event_entry")
			.snapshotTable("snapshot_event_entry")
			.globalIndexColumn("global_index")
			.timestampColumn("time_stamp")
			.eventIdentifierColumn("event_identifier")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.typeColumn("type")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.build();
	}

	static TokenSchema tokenSchema() {
		return TokenSchema.builder()
			.setTokenTable("token_entry")
			.setProcessorNameColumn("processor_name")
			.setSegmentColumn("segment")
			.setTokenColumn("token")
			.setTokenTypeColumn("token_type")
			.setTimestampColumn("timestamp")
			.setOwnerColumn("owner")
			.build();
	}

	/**
	 * The case read model is kept by a subscribing processor, in the command's own
	 * transaction, so a read after a write sees it. The Kafka publisher is a tracking
	 * processor whose token is the outbox position; it takes up to 100 events a batch and
	 * waits for all their acknowledgements before the batch commits (KafkaPublisher). A
	 * handler failure propagates, so the processor retries with back-off instead of
	 * skipping an event.
	 */
	@Bean
	ConfigurerModule kedjaEventProcessing() {
		return (configurer) -> configurer.eventProcessing()
			.registerSubscribingEventProcessor(CASE_READ_MODEL)
			.registerTrackingEventProcessor(KAFKA_PUBLISHER, org.axonframework.config.Configuration::eventStore,
					(c) -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
						.andBatchSize(BATCH_SIZE)
						.andEventAvailabilityTimeout(200, java.util.concurrent.TimeUnit.MILLISECONDS))
			.registerListenerInvocationErrorHandler(CASE_READ_MODEL, (c) -> PropagatingErrorHandler.instance())
			.registerListenerInvocationErrorHandler(KAFKA_PUBLISHER, (c) -> PropagatingErrorHandler.instance());
	}

}
