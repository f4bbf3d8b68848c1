package se.kedja.cases.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases recently written, kept in memory so that the next command on one does not
 * read and deserialise its whole history again (Axon's CachingEventSourcingRepository,
 * named by {@code @Aggregate(cache = ...)} on ParticipantCase). Bounded in entries and in
 * idle time (Caffeine); entry listeners hear of entries created, updated, read, removed
 * and expired (evicted for size or idle time).
 * <p>
 * Axon drops an entry when the command's unit of work rolls back. A request runs its
 * command inside a longer database transaction (with its idempotency record), which can
 * still roll back after the unit of work has ended; an entry put or read inside a
 * transaction is therefore also dropped when that transaction does not commit, before the
 * case's lock is let go (TransactionScopedLockFactory), so no command ever starts from
 * events the database does not hold.
 * <p>
 * It assumes one case-service writes the cases: a second instance appending to a case
 * would leave this one's entry behind, and its next command on the case would fail on the
 * sequence number. Deployments with several instances turn it off
 * ({@code KEDJA_CASE_CACHE_SIZE=0}, as deploy/k8s does).
 */
final class CaseCache implements Cache {

	private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

	private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

	CaseCache(long size, Duration idle) {
		this.entries = Caffeine.newBuilder()
			.maximumSize(size)
			.expireAfterAccess(idle)
			// evictions are told on the thread that caused them
			.executor(Runnable::run)
			.removalListener((Object key, Object value, RemovalCause cause) -> {
				if (cause.wasEvicted()) {
					this.listeners.forEach((listener) -> listener.onEntryExpired(key));
				}
			})
			.build();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> V get(K key) {
		Object value = this.entries.getIfPresent(key);
		if (value != null) {
			dropUnlessCommitted(key);
			this.listeners.forEach((listener) -> listener.onEntryRead(key, value));
		}
		return (V) value;
	}

	@Override
	public void put(Object key, Object value) {
		dropUnlessCommitted(key);
		Object previous = this.entries.asMap().put(key, value);
		for (EntryListener listener : this.listeners) {
			if (previous == null) {
				listener.onEntryCreated(key, value);
			}
			else {
				listener.onEntryUpdated(key, value);
			}
		}
	}

	@Override
	public boolean putIfAbsent(Object key, Object value) {
		dropUnlessCommitted(key);
		boolean absent = this.entries.asMap().putIfAbsent(key, value) == null;
		if (absent) {
			this.listeners.forEach((listener) -> listener.onEntryCreated(key, value));
		}
		return absent;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
		dropUnlessCommitted(key);
		Object updated = this.entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
		if (updated != null) {
			this.listeners.forEach((listener) -> listener.onEntryUpdated(key, updated));
		}
	}

	@Override
	public boolean remove(Object key) {
		boolean removed = this.entries.asMap().remove(key) != null;
		if (removed) {
			this.listeners.forEach((listener) -> listener.onEntryRemoved(key));
		}
		return removed;
	}

	@Override
	public void removeAll() {
		List.copyOf(this.entries.asMap().keySet()).forEach(this::remove);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.entries.asMap().containsKey(key);
	}

	@Override
	public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
		this.listeners.add(cacheEntryListener);
		return () -> this.listeners.remove(cacheEntryListener);
	}

	/**
	 * Inside a transaction: drops the entry if it rolls back, ahead of every other
	 * completion callback (the case's lock among them).
	 */
	private void dropUnlessCommitted(Object key) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE;
			}

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					remove(key);
				}
			}

		});
	}

}
