package se.kedja.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the event store's global index while writers run: an index that becomes visible
 * after a higher one already was belongs to a transaction that committed out of
 * global-index order — the gap a tracking reader must wait for rather than skip.
 */
final class CommitOrderWatcher implements AutoCloseable {

	/**
	 * How far below the highest index seen each look reaches: far more than the
	 * transactions that can be open at once.
	 */
	private static final long WINDOW = 2_000;

	private final Backend backend;

	private final long from;

	private final Set<Long> seen = new HashSet<>();

	private final AtomicLong outOfOrder = new AtomicLong();

	private final Thread thread;

	private long highest;

	private volatile boolean running = true;

	CommitOrderWatcher(Backend backend) {
		this.backend = backend;
		this.from = backend.count("SELECT coalesce(max(global_index), 0) FROM cases.domain_event_entry");
		this.highest = this.from;
		this.thread = Thread.ofPlatform().name("commit-order-watcher").daemon().start(this::watch);
	}

	/** Indexes that appeared after a higher one was already visible. */
	long outOfOrder() {
		return this.outOfOrder.get();
	}

	private void watch() {
		try (Connection connection = this.backend.connect();
				PreparedStatement query = connection.prepareStatement(
						"SELECT global_index FROM cases.domain_event_entry WHERE global_index > ? ORDER BY global_index")) {
			while (this.running) {
				query.setLong(1, Math.max(this.from, this.highest - WINDOW));
				long highestBefore = this.highest;
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						long index = result.getLong(1);
						if (this.seen.add(index)) {
							if (index < highestBefore) {
								this.outOfOrder.incrementAndGet();
							}
							this.highest = Math.max(this.highest, index);
						}
					}
				}
				Waits.pause(Duration.ofMillis(50));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(Duration.ofSeconds(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
