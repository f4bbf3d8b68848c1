package se.kedja.cases.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import se.kedja.cases.CaseServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's gap handling, on a table like domain_event_entry: the cleaning walk
 * reads a batch of rows in index order, and gaps younger than the gap timeout survive it
 * while older ones are dropped.
 */
@CaseServiceIntegrationTest
class GapCleaningTest {

	static final String TABLE = "gap_cleaning_probe";

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void createTable() throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("DROP TABLE IF EXISTS " + TABLE);
			sql.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
		}
	}

	@AfterEach
	void dropTable() throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("DROP TABLE " + TABLE);
		}
	}

	@Test
	void the_cleaning_walk_reads_one_batch_from_the_lowest_gap_in_index_order() throws Exception {
		SortedSet<Long> gaps = new TreeSet<>(List.of(10L, 500L, 900L));
		// inserted from the top down, so the table's physical order is not the index
		// order
		insert(LongStream.iterate(1000, (i) -> i >= 1, (i) -> i - 1).filter((i) -> !gaps.contains(i)), Instant.now());
		List<Long> walked = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = AxonConfig.cleanGaps(connection, schema(), gaps);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				walked.add(rows.getLong(1));
			}
		}
		assertThat(walked).hasSize(AxonConfig.BATCH_SIZE).isSorted().startsWith(11L, 12L);
	}

	@Test
	void gaps_inside_the_gap_timeout_survive_cleaning_and_older_ones_are_dropped() throws Exception {
		// 300 gaps (over the cleaning threshold of 250) below index 601, then events up
		// to 700
		SortedSet<Long> gaps = new TreeSet<>();
		LongStream.rangeClosed(1, 300).forEach((i) -> gaps.add(2 * i - 1));
		insert(LongStream.rangeClosed(1, 700).filter((i) -> !gaps.contains(i)), Instant.now());
		assertThat(gapsAfterReading(gaps)).containsAll(gaps);

		Instant timedOut = Instant.now().minus(AxonConfig.GAP_TIMEOUT).minus(Duration.ofMinutes(1));
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET time_stamp = ?")) {
			update.setString(1, timedOut.toString());
			update.executeUpdate();
		}
		assertThat(gapsAfterReading(gaps)).isEmpty();
	}

	/**
	 * The gaps of the token of the first event read after index 600 with {@code gaps}.
	 */
	private SortedSet<Long> gapsAfterReading(SortedSet<Long> gaps) {
		JdbcEventStorageEngine engine = AxonConfig.trackingSettings(JdbcEventStorageEngine.builder())
			.connectionProvider(new DataSourceConnectionProvider(this.dataSource))
			.transactionManager(NoTransactionManager.INSTANCE)
			.eventSerializer(Jackson3Serializer.builder().build())
			.snapshotSerializer(Jackson3Serializer.builder().build())
			.schema(schema())
			.build();
		GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(600, gaps);
		TrackedEventMessage<?> first = engine.readEvents(token, false).findFirst().orElseThrow();
		GapAwareTrackingToken after = (GapAwareTrackingToken) first.trackingToken();
		assertThat(after.getIndex()).isEqualTo(601);
		return after.getGaps();
	}

	private void insert(LongStream indexes, Instant timestamp) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
						+ " (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
						+ "payload, payload_type, time_stamp) VALUES (?, ?, 0, 'ParticipantCase', ?, ?, ?, 'gap-probe', ?)")) {
			for (long index : indexes.toArray()) {
				insert.setLong(1, index);
				insert.setString(2, "gap-probe-" + index);
				insert.setString(3, "gap-probe-event-" + index);
				insert.setBytes(4, "{}".getBytes());
				insert.setBytes(5, "{}".getBytes());
				insert.setString(6, timestamp.toString());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static EventSchema schema() {
		return EventSchema.builder()
			.eventTable(TABLE)
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

}
