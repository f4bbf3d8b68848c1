package se.kedja.cases.config;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The deadline manager the aggregates get: a command sent as a dry run (metadata
 * {@value #DRY_RUN} = true, whose transaction is rolled back afterwards) neither
 * schedules nor cancels deadlines, since those live outside its transaction.
 */
public class DryRunDeadlines implements DeadlineManager {

	public static final String DRY_RUN = "dryRun";

	private final DeadlineManager delegate;

	DryRunDeadlines(DeadlineManager delegate) {
		this.delegate = delegate;
	}

	@Override
	public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
			ScopeDescriptor deadlineScope) {
		if (dryRun()) {
			return UUID.randomUUID().toString();
		}
		return this.delegate.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
	}

	@Override
	public void cancelSchedule(String deadlineName, String scheduleId) {
		if (!dryRun()) {
			this.delegate.cancelSchedule(deadlineName, scheduleId);
		}
	}

	@Override
	public void cancelAll(String deadlineName) {
		if (!dryRun()) {
			this.delegate.cancelAll(deadlineName);
		}
	}

	@Override
	public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
		if (!dryRun()) {
			this.delegate.cancelAllWithinScope(deadlineName, scope);
		}
	}

	@Override
	public Registration registerDispatchInterceptor(
			MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
		return this.delegate.registerDispatchInterceptor(dispatchInterceptor);
	}

	@Override
	public Registration registerHandlerInterceptor(
			MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
		return this.delegate.registerHandlerInterceptor(handlerInterceptor);
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown();
	}

	private static boolean dryRun() {
		return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() != null
				&& Boolean.TRUE.equals(CurrentUnitOfWork.get().getMessage().getMetaData().get(DRY_RUN));
	}

}
