package se.kedja.audit.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.events.ParticipantId;

/**
 * The append-only, hash-chained record of who read which case, when and why.
 * <p>
 * Each row's hash covers the row before it, so appends are serialised, but only the
 * append: a read hands its entry to one appender thread, which writes every entry queued
 * by then in one transaction (the advisory lock, the chain's last row, the new rows, one
 * commit) and then releases each read in it. No answer leaves before its own entry is
 * committed, and a failed commit fails every read in it, so no read goes unlogged and
 * none is lost; concurrent reads share one commit instead of queueing for the lock one
 * fsync after another, and a read goes on with its own work while its entry is written.
 * The advisory lock keeps the chain whole when several instances share the database.
 */
@Component
public class AccessLog implements DisposableBean {

	private static final String COLUMNS = "position, accessed_at, accessed_by, participant_id, action, purpose, detail, previous_hash, hash";

	private static final int MAX_BATCH = 200;

	private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread appender;

	private volatile boolean closed;

	AccessLog(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.appender = Thread.ofPlatform().name("access-log-appender").daemon().start(this::appendQueued);
	}

	public void recordCaseRead(Reader reader, ParticipantId participant, Access access, String detail) {
		await(submit(reader, participant.value(), access, detail));
	}

	public void recordRead(Reader reader, Access access, String detail) {
		await(submit(reader, null, access, detail));
	}

	/**
	 * Reads while the read's entry is being written, and answers once it is committed.
	 */
	public <T> T recordCaseRead(Reader reader, ParticipantId participant, Access access, String detail,
			Supplier<T> read) {
		CompletableFuture<Void> logged = submit(reader, participant.value(), access, detail);
		T answer = read.get();
		await(logged);
		return answer;
	}

	private CompletableFuture<Void> submit(Reader reader, @Nullable UUID participant, Access access, String detail) {
		if (closed) {
			throw new IllegalStateException("The access log is closed: no read is answered unlogged");
		}
		Pending pending = new Pending(reader, participant, access, detail, new CompletableFuture<>());
		queue.add(pending);
		return pending.committed();
	}

	private static void await(CompletableFuture<Void> committed) {
		try {
			committed.get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException("The access log could not be written", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The access log was not written within " + COMMIT_TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the access log was written", ex);
		}
	}

	private void appendQueued() {
		List<Pending> batch = new ArrayList<>();
		while (!closed || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				append(batch);
			}
			catch (InterruptedException ex) {
				closed = true;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void append(List<Pending> batch) {
		try {
			transactions.executeWithoutResult((status) -> insert(batch));
			batch.forEach((pending) -> pending.committed().complete(null));
		}
		catch (RuntimeException | Error ex) {
			batch.forEach((pending) -> pending.committed().completeExceptionally(ex));
		}
	}

	private void insert(List<Pending> batch) {
		// a statement of its own, so the last row is read after the lock is held
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('audit.access_log'))", Object.class);
		List<Object[]> last = jdbc.query("SELECT position, hash FROM audit.access_log ORDER BY position DESC LIMIT 1",
				(row, n) -> new Object[] { row.getLong(1), row.getString(2) });
		long position = last.isEmpty() ? 0 : (long) last.get(0)[0] + 1;
		String previousHash = last.isEmpty() ? AccessLogEntry.GENESIS : (String) last.get(0)[1];
		List<Object[]> rows = new ArrayList<>();
		for (Pending pending : batch) {
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			Reader reader = pending.reader();
			String code = pending.access().code();
			String hash = AccessLogEntry.hashOf(position, now, reader.user(), pending.participant(), code,
					reader.purpose(), pending.detail(), previousHash);
			rows.add(new Object[] { position, Timestamp.from(now), reader.user(), pending.participant(), code,
					reader.purpose(), pending.detail(), previousHash, hash });
			position++;
			previousHash = hash;
		}
		jdbc.batchUpdate("INSERT INTO audit.access_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	@Override
	public void destroy() throws InterruptedException {
		closed = true;
		appender.join(COMMIT_TIMEOUT.toMillis());
	}

	List<AccessLogEntry> find(AccessLogFilter filter, int offset, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit.access_log WHERE true");
		List<Object> args = new ArrayList<>();
		if (filter.participant() != null) {
			sql.append(" AND participant_id = ?");
			args.add(filter.participant());
		}
		if (filter.user() != null) {
			sql.append(" AND accessed_by = ?");
			args.add(filter.user());
		}
		if (filter.from() != null) {
			sql.append(" AND accessed_at >= ?");
			args.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND accessed_at < ?");
			args.add(Timestamp.from(filter.to()));
		}
		sql.append(" ORDER BY position LIMIT ? OFFSET ?");
		args.add(limit);
		args.add(offset);
		return jdbc.query(sql.toString(), AccessLog::entry, args.toArray());
	}

	/**
	 * The first row whose hash or link does not hold, or null when the whole chain holds.
	 */
	@Nullable AccessLogEntry firstBroken() {
		AccessLogEntry[] previous = { null };
		AccessLogEntry[] broken = { null };
		jdbc.query("SELECT " + COLUMNS + " FROM audit.access_log ORDER BY position", (ResultSet row) -> {
			if (broken[0] != null) {
				return;
			}
			AccessLogEntry entry = entry(row, 0);
			String expectedPrevious = (previous[0] != null) ? previous[0].hash() : AccessLogEntry.GENESIS;
			long expectedPosition = (previous[0] != null) ? previous[0].position() + 1 : 0;
			if (!entry.hashMatches() || !entry.previousHash().equals(expectedPrevious)
					|| entry.position() != expectedPosition) {
				broken[0] = entry;
			}
			previous[0] = entry;
		});
		return broken[0];
	}

	long size() {
		Long count = jdbc.queryForObject("SELECT count(*) FROM audit.access_log", Long.class);
		return (count != null) ? count : 0;
	}

	private static AccessLogEntry entry(ResultSet row, int n) throws SQLException {
		return new AccessLogEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
				row.getObject(4, UUID.class), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
				row.getString(9));
	}

	private record Pending(Reader reader, @Nullable UUID participant, Access access, String detail,
			CompletableFuture<Void> committed) {

	}

}
