package se.kedja.progress.exports;

import java.util.ArrayList;
import java.util.List;

import se.kedja.progress.reports.ReportCsv;

/**
 * Goals and their breakdowns in one table, as Swedish spreadsheets read it: semicolons,
 * UTF-8, decimal comma. A goal's own line has breakdown {@code total}.
 */
final class ProgressCsv {

	static final List<String> COLUMNS = List.of("goal", "title", "kind", "unit", "breakdown", "bucket", "actual",
			"target", "status", "forecast", "met", "of", "pending");

	private ProgressCsv() {
	}

	static byte[] write(ProgressExport export) {
		List<List<String>> rows = new ArrayList<>();
		for (List<Object> goal : export.goalLines()) {
			rows.add(List.of(text(goal.get(0)), text(goal.get(1)), text(goal.get(2)), text(goal.get(3)), "total", "",
					text(goal.get(4)), text(goal.get(5)), text(goal.get(6)), text(goal.get(7)), text(goal.get(8)),
					text(goal.get(9)), text(goal.get(10))));
			String goalId = text(goal.get(0));
			for (List<Object> bucket : export.breakdownLines()) {
				if (bucket.get(0).equals(goalId)) {
					rows.add(List.of(goalId, text(goal.get(1)), text(goal.get(2)), text(goal.get(3)),
							text(bucket.get(1)), text(bucket.get(2)), text(bucket.get(3)), "", "", "",
							text(bucket.get(4)), text(bucket.get(5)), text(bucket.get(6))));
				}
			}
		}
		return ReportCsv.write(COLUMNS, rows);
	}

	private static String text(Object value) {
		if (value instanceof Double number) {
			return ProgressExport.number(number).replace('.', ',');
		}
		return value.toString();
	}

}
