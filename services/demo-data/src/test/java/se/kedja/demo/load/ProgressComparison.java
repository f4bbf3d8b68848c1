package se.kedja.demo.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import se.kedja.demo.generate.GoalFigures;
import se.kedja.demo.generate.GoalFigures.Figure;

/**
 * A project's goals as progress-service shows them ({@code GET
 * /api/projects/{id}/progress}, its {@code goals}) against the generator's own figures:
 * one line per difference, naming the project, the goal (and the breakdown bucket), what
 * was expected and what was shown.
 */
final class ProgressComparison {

	private ProgressComparison() {
	}

	static List<String> differences(String project, Map<String, GoalFigures.Goal> expected, JsonNode goals) {
		List<String> differences = new ArrayList<>();
		Map<String, JsonNode> actual = new TreeMap<>();
		goals.forEach((goal) -> actual.put(goal.path("id").asString(), goal));
		for (String id : new TreeSet<>(union(expected.keySet(), actual.keySet()))) {
			String where = project + " / " + id;
			GoalFigures.Goal want = expected.get(id);
			JsonNode got = actual.get(id);
			if (want == null) {
				differences.add(where + ": expected no such goal, actual " + figure(got) + " ("
						+ got.path("kind").asString() + ", " + got.path("status").asString("no status")
						+ (got.path("problem").isString() ? ": " + got.path("problem").asString() : "") + ")");
				continue;
			}
			if (got == null) {
				differences.add(where + ": expected " + want.total() + ", actual no such goal");
				continue;
			}
			if (!want.kind().equals(got.path("kind").asString()) || !want.unit().equals(got.path("unit").asString())) {
				differences.add(where + ": expected kind " + want.kind() + " in " + want.unit() + ", actual "
						+ got.path("kind").asString() + " in " + got.path("unit").asString());
			}
			compare(differences, where, want.total(), figure(got));
			want.breakdowns().forEach((breakdown, buckets) -> {
				Map<String, Figure> shown = new TreeMap<>();
				got.path("breakdowns")
					.path(breakdown)
					.forEach((bucket) -> shown.put(bucket.path("bucket").asString(), figure(bucket)));
				for (String bucket : union(buckets.keySet(), shown.keySet())) {
					compare(differences, where + " / " + breakdown + " " + bucket, buckets.get(bucket),
							shown.get(bucket));
				}
			});
		}
		return differences;
	}

	private static void compare(List<String> differences, String where, @Nullable Figure expected,
			@Nullable Figure actual) {
		if (!Objects.equals(expected, actual)) {
			differences.add(where + ": expected " + ((expected != null) ? expected : "no such bucket") + ", actual "
					+ ((actual != null) ? actual : "no such bucket"));
		}
	}

	private static Figure figure(JsonNode node) {
		return new Figure(node.path("actual").asDouble(), node.path("met").asLong(), node.path("of").asLong(),
				node.path("pending").asLong());
	}

	private static TreeSet<String> union(Set<String> a, Set<String> b) {
		TreeSet<String> union = new TreeSet<>(a);
		union.addAll(b);
		return union;
	}

}
