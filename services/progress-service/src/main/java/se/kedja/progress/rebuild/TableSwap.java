package se.kedja.progress.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.progress.intake.ProjectionTables;

/** Empties the shadow tables, and swaps them with the live ones in one transaction. */
@Repository
class TableSwap {

	private final JdbcClient jdbc;

	TableSwap(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void clearShadow() {
		this.jdbc.sql("TRUNCATE " + String.join(", ", ProjectionTables.SHADOW.all())).update();
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
