package se.kedja.progress.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.progress.goals.TallyKey;

/** The maintained figures of each project (see {@link TallyKey}). */
@Repository
public class TallyStore {

	private final JdbcClient jdbc;

	TallyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves counters by {@code delta}; keys come sorted so concurrent writers lock in one
	 * order.
	 */
	void add(ProjectionTables tables, String projectId, Map<TallyKey, Long> delta) {
		addAll(tables, Map.of(projectId, delta));
	}

	/**
	 * Moves the counters of several projects in one statement, sorted by project and key
	 * here (so concurrent writers lock in one order); a zero sum moves nothing and is
	 * left out.
	 */
	void addAll(ProjectionTables tables, Map<String, Map<TallyKey, Long>> deltas) {
		List<String[]> rows = new ArrayList<>();
		new TreeMap<>(deltas).forEach((projectId, delta) -> new TreeMap<>(delta).forEach((key, value) -> {
			if (value != 0) {
				rows.add(new String[] { projectId, key.goalId(), key.dimension(), key.bucket(), key.measure(),
						key.day().toString(), Long.toString(value) });
			}
		}));
		if (rows.isEmpty()) {
			return;
		}
		Object[] columns = new Object[7];
		for (int c = 0; c < columns.length; c++) {
			String[] column = new String[rows.size()];
			for (int r = 0; r < column.length; r++) {
				column[r] = rows.get(r)[c];
			}
			columns[c] = column;
		}
		this.jdbc.sql("INSERT INTO " + tables.goalTally()
				+ " (project_id, goal_id, dimension, bucket, measure, day, value)"
				+ " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bigint[])"
				+ " ON CONFLICT (project_id, goal_id, dimension, bucket, measure, day) DO UPDATE SET value = "
				+ tables.goalTally() + ".value + excluded.value")
			.params(columns)
			.update();
	}

	void clear(ProjectionTables tables, String projectId) {
		this.jdbc.sql("DELETE FROM " + tables.goalTally() + " WHERE project_id = ?").param(projectId).update();
	}

	public Map<TallyKey, Long> load(String projectId) {
		Map<TallyKey, Long> tallies = new HashMap<>();
		this.jdbc
			.sql("SELECT goal_id, dimension, bucket, measure, day, value FROM goal_tally"
					+ " WHERE project_id = ? AND value <> 0")
			.param(projectId)
			.query((rs) -> {
				tallies.put(new TallyKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class)), rs.getLong(6));
			});
		return tallies;
	}

}
