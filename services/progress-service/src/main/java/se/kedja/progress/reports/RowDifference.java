package se.kedja.progress.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * How one participant's row differs between the report as sent and the same month as
 * corrected now: {@code added} (absent from the sent report), {@code removed} (no longer
 * belongs in the month) or {@code changed}, with each field that differs.
 */
public record RowDifference(String participantId, String change, List<FieldChange> fields) {

	/** One field's value as sent and as corrected; null where the row does not exist. */
	public record FieldChange(String field, @Nullable String from, @Nullable String to) {

	}

	/** The differences between two reports' rows, by participant id, in id order. */
	static List<RowDifference> between(List<String> columns, Map<String, List<String>> sent,
			Map<String, List<String>> now) {
		List<RowDifference> differences = new ArrayList<>();
		TreeSet<String> ids = new TreeSet<>(sent.keySet());
		ids.addAll(now.keySet());
		for (String id : ids) {
			List<String> from = sent.get(id);
			List<String> to = now.get(id);
			List<FieldChange> fields = new ArrayList<>();
			for (int i = 1; i < columns.size(); i++) {
				String before = (from != null) ? from.get(i) : null;
				String after = (to != null) ? to.get(i) : null;
				boolean differs = (from == null || to == null) ? !(before == null ? after : before).isEmpty()
						: !before.equals(after);
				if (differs) {
					fields.add(new FieldChange(columns.get(i), before, after));
				}
			}
			if (from == null) {
				differences.add(new RowDifference(id, "added", fields));
			}
			else if (to == null) {
				differences.add(new RowDifference(id, "removed", fields));
			}
			else if (!fields.isEmpty()) {
				differences.add(new RowDifference(id, "changed", fields));
			}
		}
		return differences;
	}

}
