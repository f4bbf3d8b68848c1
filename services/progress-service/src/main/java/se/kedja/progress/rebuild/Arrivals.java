package se.kedja.progress.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import se.kedja.progress.intake.BinaryCopy;

/**
 * The case events a rebuild has read, as they arrived, kept unparsed until each case is
 * folded: appended with COPY, read back case by case in their order of arrival.
 */
@Repository
class Arrivals {

	private static final String TABLE = "rebuild_arrival";

	/** Rows fetched per round trip while reading back. */
	private static final int FETCH_SIZE = 2000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	Arrivals(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	void clear() {
		this.jdbc.sql("TRUNCATE " + TABLE).update();
	}

	boolean any() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + TABLE + ")").query(Boolean.class).single();
	}

	/** Appends {@code arrivals} in the caller's transaction. */
	void append(List<Arrival> arrivals) {
		BinaryCopy copy = new BinaryCopy();
		for (Arrival arrival : arrivals) {
			copy.row(3).int8(arrival.arrival()).uuid(arrival.participantId()).bytea(arrival.envelope());
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			copy.into(connection, TABLE, "arrival, participant_id, envelope");
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Hands every arrival of the participants after {@code after} (all when null) to
	 * {@code each}, by participant, each one's in their order of arrival: one sort, read
	 * through a cursor on a connection of its own, so {@code each} may commit elsewhere.
	 */
	void forEach(@Nullable UUID after, Each each) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement settings = connection.createStatement()) {
				settings.execute("SET LOCAL work_mem = '128MB'");
			}
			String where = (after != null) ? " WHERE participant_id > ?" : "";
			try (PreparedStatement query = connection.prepareStatement("SELECT participant_id, arrival, envelope FROM "
					+ TABLE + where + " ORDER BY participant_id, arrival")) {
				query.setFetchSize(FETCH_SIZE);
				// planned on the server, so the envelopes come as bytes, not hex text
				query.unwrap(PGStatement.class).setPrepareThreshold(-1);
				if (after != null) {
					query.setObject(1, after);
				}
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						each.accept(new Arrival(rows.getLong(2), rows.getObject(1, UUID.class), rows.getBytes(3)));
					}
				}
			}
			connection.rollback();
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("reading " + TABLE, null, ex);
		}
	}

	/** A case event as read from the topic: the n-th of the rebuild. */
	record Arrival(long arrival, UUID participantId, byte[] envelope) {

	}

	/** Takes the arrivals one by one. */
	interface Each {

		void accept(Arrival arrival);

	}

}
