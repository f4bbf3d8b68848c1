package se.kedja.progress.rebuild;

import java.util.ArrayList;
import java.util.List;

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

	private static final String SECONDARY_INDEXES = "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
			+ " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
			+ " WHERE c.relname = ANY(?) AND c.relnamespace = current_schema()::regnamespace"
			+ " AND NOT i.indisunique AND NOT i.indisprimary ORDER BY 1";

	/** The shadow tables a bulk fold fills from empty. */
	private static final String[] SHADOW_TABLES = { ProjectionTables.SHADOW.caseEvent(),
			ProjectionTables.SHADOW.participant(), ProjectionTables.SHADOW.qualityException() };

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
	 * Drops the indexes of the shadow tables that no constraint needs, for a bulk fill:
	 * one index built at the end costs less than every row kept in it on the way. Returns
	 * the statements that build them again.
	 */
	List<String> dropSecondaryIndexes() {
		List<String> names = new ArrayList<>();
		List<String> definitions = new ArrayList<>();
		this.jdbc.sql(SECONDARY_INDEXES).param(SHADOW_TABLES).query((rs) -> {
			names.add(rs.getString(1));
			definitions.add(rs.getString(2).replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
		});
		names.forEach((name) -> this.jdbc.sql("DROP INDEX " + name).update());
		return definitions;
	}

	void createIndexes(List<String> definitions) {
		definitions.forEach((definition) -> this.jdbc.sql(definition).update());
	}

	/**
	 * Builds every index a live table has and its shadow lacks (under a new name): after
	 * a rebuild that died between dropping and building them, the next one starts whole.
	 */
	void restoreShadowIndexes() {
		for (int i = 0; i < ProjectionTables.LIVE.all().size(); i++) {
			String live = ProjectionTables.LIVE.all().get(i);
			String shadow = ProjectionTables.SHADOW.all().get(i);
			List<String> shadowShapes = this.jdbc.sql(SECONDARY_INDEXES)
				.param(new String[] { shadow })
				.query((rs, row) -> shape(rs.getString(2)))
				.list();
			List<String> liveDefinitions = this.jdbc.sql(SECONDARY_INDEXES)
				.param(new String[] { live })
				.query((rs, row) -> rs.getString(2))
				.list();
			for (String definition : liveDefinitions) {
				if (!shadowShapes.contains(shape(definition))) {
					String name = shadow + "_" + Integer.toUnsignedString(shape(definition).hashCode(), 36);
					this.jdbc
						.sql("CREATE INDEX IF NOT EXISTS " + name + " ON " + shadow + " USING " + shape(definition))
						.update();
				}
			}
		}
	}

	private static String shape(String definition) {
		return definition.substring(definition.indexOf(" USING ") + " USING ".length());
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
