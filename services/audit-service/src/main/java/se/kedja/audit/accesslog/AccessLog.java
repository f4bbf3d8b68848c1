package se.kedja.audit.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.kedja.events.ParticipantId;

/**
 * The append-only, hash-chained record of who read which case, when and why.
 * <p>
 * Each row's hash covers the row before it, so appends are serialised, but only the
 * append: a read hands its entry to one appender thread, which writes every entry queued
 * by then in one statement (one round trip, one commit) and then releases each read in
 * it. No answer leaves before its own entry is committed, and a failed commit fails every
 * read in it, so no read goes unlogged and none is lost; concurrent reads share one
 * commit instead of queueing one fsync after another, and a read goes on with its own
 * work while its entry is written.
 * <p>
 * The appender remembers the chain's head (the last position and hash it committed)
 * instead of reading it before every append. The primary key on {@code position} keeps
 * the chain whole when that memory is stale (another instance sharing the database
 * appended since): the insert then collides with the other instance's row, is refused
 * whole, and is chained again after the head read afresh. After any other failure the
 * outcome of the commit is unknown, so the head is read afresh too.
 */
@Component
public class AccessLog implements DisposableBean {

	private static final String COLUMNS = "position, accessed_at, accessed_by, participant_id, action, purpose, detail, previous_hash, hash";

	private static final int MAX_BATCH = 200;

	private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

	// each attempt lost a race to another instance's append; losing this many in a row is
	// a failure to report, not to retry forever
	private static final int MAX_ATTEMPTS = 20;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread appender;

	private volatile boolean closed;

	// the last committed row as the appender thread knows it; null: read it from the
	// table
	private @Nullable Head head;

	AccessLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
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
			insert(batch);
			batch.forEach((pending) -> pending.committed().complete(null));
		}
		catch (RuntimeException | Error ex) {
			batch.forEach((pending) -> pending.committed().completeExceptionally(ex));
		}
	}

	private void insert(List<Pending> batch) {
		for (int attempt = 1;; attempt++) {
			Head from = (this.head != null) ? this.head : lastRow();
			List<Object> values = new ArrayList<>(batch.size() * 9);
			Head last = chain(from, batch, values);
			try {
				// autocommit: the one statement is its own transaction, all rows or none
				jdbc.update(insertOf(batch.size()), values.toArray());
				this.head = last;
				return;
			}
			catch (DuplicateKeyException ex) {
				this.head = null;
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
			catch (RuntimeException ex) {
				this.head = null;
				throw ex;
			}
		}
	}

	private Head lastRow() {
		List<Head> last = jdbc.query("SELECT position, hash FROM audit.access_log ORDER BY position DESC LIMIT 1",
				(row, n) -> new Head(row.getLong(1), row.getString(2)));
		return last.isEmpty() ? Head.EMPTY : last.get(0);
	}

	/** Adds the batch's rows, chained after {@code from}, to {@code values}. */
	private Head chain(Head from, List<Pending> batch, List<Object> values) {
		long position = from.position();
		String previousHash = from.hash();
		for (Pending pending : batch) {
			position++;
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			Reader reader = pending.reader();
			String code = pending.access().code();
			String hash = AccessLogEntry.hashOf(position, now, reader.user(), pending.participant(), code,
					reader.purpose(), pending.detail(), previousHash);
			values.addAll(Arrays.asList(position, Timestamp.from(now), reader.user(), pending.participant(), code,
					reader.purpose(), pending.detail(), previousHash, hash));
			previousHash = hash;
		}
		return new Head(position, previousHash);
	}

	private static String insertOf(int rows) {
		return "INSERT INTO audit.access_log (" + COLUMNS + ") VALUES "
				+ String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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

	/** The chain's last row: the next one takes the position after it and its hash. */
	private record Head(long position, String hash) {

		static final Head EMPTY = new Head(-1, AccessLogEntry.GENESIS);

	}

	private record Pending(Reader reader, @Nullable UUID participant, Access access, String detail,
			CompletableFuture<Void> committed) {

	}

}
