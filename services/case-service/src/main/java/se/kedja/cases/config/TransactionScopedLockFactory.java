package se.kedja.cases.config;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's aggregate lock, held until the database transaction ends. Axon releases the lock
 * when the command's unit of work ends; a request runs its command inside a longer
 * transaction (with its idempotency record), so the lock would go before the commit, and
 * the next command or deadline on the same case would load it without the uncommitted
 * events and fail on a duplicate sequence number. Inside a Spring transaction the release
 * waits for its completion; elsewhere (deadlines, the unit of work's own transaction,
 * already committed) it is immediate.
 */
final class TransactionScopedLockFactory implements LockFactory {

	private final LockFactory locks = PessimisticLockFactory.usingDefaults();

	@Override
	public Lock obtainLock(String identifier) {
		Lock lock = this.locks.obtainLock(identifier);
		return new Lock() {

			@Override
			public void release() {
				if (TransactionSynchronizationManager.isSynchronizationActive()) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void afterCompletion(int status) {
							lock.release();
						}

					});
				}
				else {
					lock.release();
				}
			}

			@Override
			public boolean isHeld() {
				return lock.isHeld();
			}

		};
	}

}
