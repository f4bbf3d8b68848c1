package se.kedja.cases.config;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.serialization.Serializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines (a plan due 30 days after enrolment, a follow-up 90 days after exit) are kept
 * in PostgreSQL by db-scheduler, so they survive restarts and fire once across replicas.
 * A dry run of an import neither schedules nor cancels any ({@link DryRunDeadlines}).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfig {

	@Bean
	DbSchedulerDeadlineManagerSupplier deadlineManagerSupplier() {
		return new DbSchedulerDeadlineManagerSupplier();
	}

	/**
	 * On a transaction-aware data source, so a deadline is scheduled (or cancelled) in
	 * the command's own transaction: it exists only if the command's events do, it cannot
	 * fire before they are committed, and scheduling takes no second connection from the
	 * pool.
	 */
	@Bean
	Scheduler deadlineScheduler(DataSource dataSource, DbSchedulerDeadlineManagerSupplier supplier) {
		return Scheduler
			.create(new TransactionAwareDataSourceProxy(dataSource), DbSchedulerDeadlineManager.binaryTask(supplier))
			.tableName("scheduled_tasks")
			.pollingInterval(Duration.ofSeconds(5))
			.threads(2)
			.build();
	}

	@Bean
	DeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration configuration,
			Serializer serializer, TransactionManager transactionManager, DbSchedulerDeadlineManagerSupplier supplier) {
		DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
			.scheduler(deadlineScheduler)
			.scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
			.serializer(serializer)
			.transactionManager(transactionManager)
			.build();
		supplier.set(manager);
		return new DryRunDeadlines(manager);
	}

}
