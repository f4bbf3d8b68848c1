package se.kedja.support.outage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database from a failure of the work, by the whole chain of
 * causes: Axon, the transaction manager and JDBC each wrap what the driver or the pool
 * said.
 */
public final class DatabaseFailures {

	/** SQLSTATE classes of a lost or refused connection and of a server going away. */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("08", "53", "57P01", "57P02", "57P03");

	/**
	 * SQLSTATEs of work that lost a race: serialization failure, deadlock, lock not
	 * available (lock_timeout). Spring leaves the last uncategorised.
	 */
	private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40P01", "55P03");

	private static final int MAX_DEPTH = 32;

	private DatabaseFailures() {
	}

	/**
	 * The database could not be reached or went away: no connection from the pool, a
	 * refused or broken connection, a server shutting down or starting up.
	 */
	public static boolean unavailable(Throwable failure) {
		return anyCause(failure, DatabaseFailures::unavailableHere);
	}

	/**
	 * Worth retrying as it is: the database is unavailable, or the work lost a race that
	 * a second try can win (deadlock, serialization failure, lock or query timeout).
	 */
	public static boolean transientFailure(Throwable failure) {
		return anyCause(failure,
				(cause) -> unavailableHere(cause) || cause instanceof TransientDataAccessException
						|| cause instanceof SQLTransientException || (cause instanceof SQLException sql
								&& sql.getSQLState() != null && LOST_RACE_STATES.contains(sql.getSQLState())));
	}

	private static boolean unavailableHere(Throwable cause) {
		return cause instanceof DataAccessResourceFailureException
				|| cause instanceof TransientDataAccessResourceException
				|| cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
				|| cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
				|| (cause instanceof SQLException sql && (unavailableState(sql.getSQLState()) || closedByPool(sql)));
	}

	/**
	 * HikariCP's answer (no SQLSTATE) to a statement on a connection it already closed
	 * because the server ended it — later in the same transaction than the 57P01.
	 */
	private static boolean closedByPool(SQLException sql) {
		return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
	}

	private static boolean unavailableState(@Nullable String state) {
		return state != null && (UNAVAILABLE_STATES.contains(state)
				|| (state.length() >= 2 && UNAVAILABLE_STATES.contains(state.substring(0, 2))));
	}

	private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
		@Nullable Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
			if (test.test(cause)) {
				return true;
			}
			// a rollback that failed on the dead connection hides the failure that
			// started it
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != failure
					&& anyCause(rollback.getApplicationException(), test)) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

}
