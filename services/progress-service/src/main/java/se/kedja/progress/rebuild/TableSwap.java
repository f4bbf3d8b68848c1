package se.kedja.progress.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.progress.intake.ProjectionTables;

/**
 * Empties the shadow tables, fills them, and swaps them with the live ones in one
 * transaction.
 */
@Repository
class TableSwap {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	TableSwap(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Transactional
	void clearShadow() {
		this.jdbc.sql("TRUNCATE " + String.join(", ", ProjectionTables.SHADOW.all())).update();
	}

	/**
	 * Runs {@code work} in one transaction whose statements are planned for their
	 * parameters each time: the shadow tables grow from empty, and a generic plan the
	 * driver's prepared statement caches while they are small (a sequential scan) would
	 * be kept as they grow, so every batch would scan everything filled so far. Its
	 * commit does not wait for the disk: a crash loses the rebuild anyway (its progress
	 * is in memory), and the swap's own commit waits for every earlier one.
	 */
	void fill(Runnable work) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc
				.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
						+ " set_config('synchronous_commit', 'off', true)")
				.query()
				.singleRow();
			work.run();
		});
	}

	/**
	 * Gives the filled shadow tables their statistics before they serve: a table that was
	 * never analysed is planned from guesses.
	 */
	void analyzeShadow() {
		this.jdbc.sql("ANALYZE " + String.join(", ", ProjectionTables.SHADOW.all())).update();
	}

	@Transactional
	void swap() {
		for (int i = 0; i < ProjectionTables.LIVE.all().size(); i++) {
			String live = ProjectionTables.LIVE.all().get(i);
			String shadow = ProjectionTables.SHADOW.all().get(i);
			this.jdbc.sql("ALTER TABLE " + live + " RENAME TO " + live + "_swapping").update();
			this.jdbc.sql("ALTER TABLE " + shadow + " RENAME TO " + live).update();
			this.jdbc.sql("ALTER TABLE " + live + "_swapping RENAME TO " + shadow).update();
		}
	}

}
