package se.kedja.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import se.kedja.bench.micro.EnvelopeBenchmarks;

/**
 * The JMH micro-benchmarks of the per-record work ({@link EnvelopeBenchmarks}), run in a
 * forked JVM before Kedja starts, so nothing else of the suite runs beside them; each
 * reported beside the bare library work it contains.
 */
final class Micro {

	private final boolean quick;

	private final Consumer<String> out;

	Micro(boolean quick, Consumer<String> out) {
		this.quick = quick;
		this.out = out;
	}

	List<Figure> run() throws RunnerException {
		int warmups = this.quick ? 1 : 2;
		int iterations = this.quick ? 3 : 4;
		Options options = new OptionsBuilder().include(EnvelopeBenchmarks.class.getName() + "\\.")
			.forks(1)
			.threads(1)
			.warmupIterations(warmups)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(1))
			.jvmArgsAppend("-Xmx256m")
			.verbosity(VerboseMode.SILENT)
			.build();
		this.out.accept("JMH: %d benchmarks, 1 fork each, %d × 1 s warm-up and %d × 1 s measured ...".formatted(5,
				warmups, iterations));
		Map<String, List<Double>> scores = new LinkedHashMap<>();
		Collection<RunResult> results = new Runner(options).run();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			List<Double> perIteration = new ArrayList<>();
			for (BenchmarkResult fork : result.getBenchmarkResults()) {
				for (IterationResult iteration : fork.getIterationResults()) {
					perIteration.add(iteration.getPrimaryResult().getScore());
				}
			}
			scores.put(name.substring(name.lastIndexOf('.') + 1), perIteration);
		}
		String setting = "JMH %s, average time, 1 fork, 1 thread, %d × 1 s warm-up, %d × 1 s measured (one run = "
			.formatted(org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion(), warmups, iterations)
				+ "one measured iteration), -Xmx256m, in a JVM forked before Kedja starts";
		Figure read = figure("micro-read",
				"Per record: reading one participant-enrolled envelope into its typed event (EventJson.readCase, as "
						+ "progress-service, audit-service and the rebuild do for every record)",
				scores.get("readCase"), "tokenizing the same bytes with the same Jackson parser, nothing bound",
				scores.get("tokenize"), setting);
		List<Double> tree = scores.get("readTree");
		if (tree != null && !tree.isEmpty()) {
			read.notes.add("a Jackson tree of the same bytes (what audit-service also keeps): %.2f µs"
				.formatted(Stats.of(tree).median()));
		}
		if (!read.runs.isEmpty()) {
			read.notes.add(("at this cost one core reads at most about %,.0f records/s; the rebuild's target is "
					+ "100,000 events/s on the 2 cores it shares with PostgreSQL and Kafka")
				.formatted(1e6 / read.runStats().median()));
		}
		Figure hash = figure("micro-hash",
				"Per event: the hash of one envelope (EventHashes.hash: canonical JSON of the hashed fields, "
						+ "SHA-256), as case-service's publisher computes for every event",
				scores.get("hash"), "SHA-256 of the envelope's bytes", scores.get("sha256"), setting);
		return List.of(read, hash);
	}

	private Figure figure(String id, String title, List<Double> runs, String baselineTitle, List<Double> baseline,
			String setting) {
		Figure figure = new Figure(id, title);
		if (runs == null || runs.isEmpty() || baseline == null || baseline.isEmpty()) {
			return figure.failed("JMH reported no result");
		}
		figure.unit = "µs per operation";
		figure.runs.addAll(runs);
		figure.baselineTitle = baselineTitle;
		figure.baselineRuns.addAll(baseline);
		figure.ratioMeaning = "time ÷ baseline time (how many times the bare work)";
		figure.ratio = figure.runStats().median() / figure.baselineRunStats().median();
		figure.target = "(no target in the issue; shows what bounds the per-record rates)";
		figure.notes.add(setting);
		this.out.accept("  %s: %.2f µs, baseline %.2f µs (%.1f×)".formatted(id, figure.runStats().median(),
				figure.baselineRunStats().median(), figure.ratio));
		return figure;
	}

}
