package se.kedja.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reported figure: the subject and its same-run baseline, each as per-run values
 * (runs, median, spread) and pooled samples (p50, p99), the ratio, the target and whether
 * it was met; or why it was not measured.
 */
final class Figure {

	final String id;

	String title;

	/** The unit of the per-run values ("commands/s", "ms"). */
	String unit = "";

	String status = "measured";

	String reason;

	final List<Double> runs = new ArrayList<>();

	final List<Double> samples = new ArrayList<>();

	String baselineTitle;

	final List<Double> baselineRuns = new ArrayList<>();

	final List<Double> baselineSamples = new ArrayList<>();

	/** How the ratio is formed, e.g. "subject / baseline". */
	String ratioMeaning;

	Double ratio;

	String target;

	Boolean met;

	final List<String> notes = new ArrayList<>();

	/** Where the subject's CPU went, for the write path (Measurements.CpuCost). */
	Map<String, Object> cpu;

	Figure(String id, String title) {
		this.id = id;
		this.title = title;
	}

	static Figure notMeasured(String id, String title, String reason, String target) {
		Figure figure = new Figure(id, title);
		figure.status = "not measured";
		figure.reason = reason;
		figure.target = target;
		return figure;
	}

	Figure failed(String why) {
		this.status = "failed";
		this.reason = why;
		return this;
	}

	Stats runStats() {
		return Stats.of(this.runs);
	}

	Stats sampleStats() {
		return Stats.of(this.samples);
	}

	Stats baselineRunStats() {
		return Stats.of(this.baselineRuns);
	}

	Stats baselineSampleStats() {
		return Stats.of(this.baselineSamples);
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("title", this.title);
		map.put("status", this.status);
		if (this.reason != null) {
			map.put("reason", this.reason);
		}
		if (!this.runs.isEmpty() || !this.samples.isEmpty()) {
			map.put("unit", this.unit);
			map.put("subject", side(this.runs, this.samples));
		}
		if (this.baselineTitle != null) {
			Map<String, Object> baseline = side(this.baselineRuns, this.baselineSamples);
			baseline.put("what", this.baselineTitle);
			map.put("baseline", baseline);
		}
		if (this.ratio != null) {
			map.put("ratio", round(this.ratio));
			map.put("ratioMeaning", this.ratioMeaning);
		}
		if (this.target != null) {
			map.put("target", this.target);
		}
		map.put("met", this.met);
		if (this.cpu != null) {
			map.put("cpu", this.cpu);
		}
		if (!this.notes.isEmpty()) {
			map.put("notes", this.notes);
		}
		return map;
	}

	private static Map<String, Object> side(List<Double> runs, List<Double> samples) {
		Map<String, Object> map = new LinkedHashMap<>();
		Stats perRun = Stats.of(runs);
		map.put("runs", perRun.n());
		map.put("perRun", runs.stream().map(Figure::round).toList());
		map.put("median", round(perRun.median()));
		map.put("spreadMin", round(perRun.min()));
		map.put("spreadMax", round(perRun.max()));
		Stats pooled = Stats.of(samples);
		map.put("samples", pooled.n());
		map.put("p50Ms", round(pooled.p50()));
		map.put("p99Ms", round(pooled.p99()));
		map.put("minMs", round(pooled.min()));
		map.put("maxMs", round(pooled.max()));
		return map;
	}

	static Double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		double scale = Math.abs(value) >= 100 ? 10 : 1000;
		return Math.round(value * scale) / scale;
	}

}
