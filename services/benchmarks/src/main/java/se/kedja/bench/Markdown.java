package se.kedja.bench;

import java.util.List;
import java.util.Map;

/** The human-readable report: the machine and settings, then one table row per figure. */
final class Markdown {

	private Markdown() {
	}

	static String of(Map<String, Object> report, List<Figure> figures) {
		StringBuilder md = new StringBuilder();
		md.append("# Kedja benchmark — ")
			.append(report.get("mode"))
			.append(" run, ")
			.append(report.get("startedAt"))
			.append("\n\n");
		Map<?, ?> machine = (Map<?, ?>) report.get("machine");
		md.append("**Machine:** ")
			.append(machine.get("cores"))
			.append(" cores (")
			.append(machine.get("cpuModel"))
			.append("), ")
			.append(machine.get("memory"))
			.append(", ")
			.append(machine.get("os"))
			.append("; JDK ")
			.append(machine.get("jdk"))
			.append(".  \n");
		md.append("**Load average** (1/5/15 min) at start: ")
			.append(machine.get("loadAverageAtStart"))
			.append("; at end: ")
			.append(machine.get("loadAverageAtEnd"))
			.append(".  \n");
		md.append(busy(machine.get("loadAverageAtStart"))
				? "Other work was running on the machine when this started, so absolute figures are low and noisy: "
				: "The machine was otherwise idle when this started; absolute figures still depend on it: ")
			.append("read each figure as a ratio to its baseline, measured in the same run, interleaved run by run.\n\n");
		if (report.get("settings") instanceof Map<?, ?> settings && !settings.isEmpty()) {
			md.append("**Settings:** ");
			settings.forEach((key, value) -> md.append('`').append(key).append("` = ").append(value).append("; "));
			md.append("\n\n");
		}
		if (report.get("versions") instanceof Map<?, ?> versions) {
			md.append("**Versions:** commit ")
				.append(versions.get("git"))
				.append("; Java 21 build, Spring Boot 4.1.2, Axon 4.13, Kafka 4.2, PostgreSQL ")
				.append(((Map<?, ?>) report.get("settings")).get("postgresql"))
				.append(" (embedded). Run took ")
				.append(report.get("seconds"))
				.append(" s.  \n");
			versions.forEach((key, value) -> {
				if (!"git".equals(key)) {
					md.append('`').append(key).append("` ").append(value).append("; ");
				}
			});
			md.append("\n\n");
		}
		if (report.get("error") != null) {
			md.append("**Error:** ").append(report.get("error")).append("\n\n");
		}
		md.append(
				"| figure | runs | median (per run) | spread min–max | p50 ms | p99 ms | baseline median | baseline p50 / p99 ms | ratio | target | met |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Figure figure : figures) {
			if (!figure.status.equals("measured")) {
				md.append("| ")
					.append(figure.title)
					.append(" | — | ")
					.append(figure.status)
					.append(" | | | | | | | ")
					.append(figure.target == null ? "" : figure.target)
					.append(" | — |\n");
				continue;
			}
			Stats runs = figure.runStats();
			Stats samples = figure.sampleStats();
			Stats baseRuns = figure.baselineRunStats();
			Stats baseSamples = figure.baselineSampleStats();
			md.append("| ")
				.append(figure.title)
				.append(" | ")
				.append(runs.n())
				.append(" | ")
				.append(num(runs.median()))
				.append(' ')
				.append(figure.unit)
				.append(" | ")
				.append(num(runs.min()))
				.append("–")
				.append(num(runs.max()))
				.append(" | ")
				.append(num(samples.p50()))
				.append(" | ")
				.append(num(samples.p99()))
				.append(" | ")
				.append(figure.baselineTitle == null ? "" : num(baseRuns.median()))
				.append(" | ")
				.append(figure.baselineTitle == null ? "" : num(baseSamples.p50()) + " / " + num(baseSamples.p99()))
				.append(" | ")
				.append(figure.ratio == null ? "" : num(figure.ratio) + "×")
				.append(" | ")
				.append(figure.target == null ? "" : figure.target)
				.append(" | ")
				.append(figure.met == null ? "—" : figure.met ? "met" : "**not met**")
				.append(" |\n");
		}
		md.append("\n## Notes per figure\n\n");
		for (Figure figure : figures) {
			md.append("- **").append(figure.title).append("**");
			if (figure.reason != null) {
				md.append(" — ").append(figure.status).append(": ").append(figure.reason);
			}
			if (figure.baselineTitle != null) {
				md.append(". Baseline: ").append(figure.baselineTitle);
			}
			if (figure.ratioMeaning != null) {
				md.append(". Ratio: ").append(figure.ratioMeaning);
			}
			md.append('\n');
			figure.notes.forEach((note) -> md.append("  - ").append(note).append('\n'));
		}
		if (report.get("resources") instanceof Map<?, ?> resources) {
			md.append("\n## Memory (MiB): PSS, with VmRSS in brackets\n\n")
				.append("PSS counts a page shared by several processes in equal parts; VmRSS counts it in each. ")
				.append("The peak is each process's highest reading (the total's: the highest sum at one reading).\n\n")
				.append("| process | idle | after load | peak |\n|---|---|---|---|\n");
			List<String> columns = List.of("idle", "afterLoad", "peak");
			if (resources.get("idle") instanceof Map<?, ?> idle && idle.get("pss") instanceof Map<?, ?> names) {
				for (Object name : names.keySet()) {
					md.append("| ").append(name);
					for (String column : columns) {
						md.append(" | ").append(memoryCell(resources.get(column), name));
					}
					md.append(" |\n");
				}
			}
		}
		return md.toString();
	}

	/** Whether a 1-minute load average ("0.52 0.40 0.31") shows other work running. */
	static boolean busy(Object loadAverage) {
		try {
			return Double.parseDouble(String.valueOf(loadAverage).strip().split("\\s+")[0]) >= 0.5;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	private static String memoryCell(Object reading, Object name) {
		if (reading instanceof Map<?, ?> map && map.get("pss") instanceof Map<?, ?> pss
				&& map.get("rss") instanceof Map<?, ?> rss && pss.get(name) instanceof Double p) {
			return num(p) + ((rss.get(name) instanceof Double r) ? " (" + num(r) + ")" : "");
		}
		return "";
	}

	static String num(double value) {
		if (Double.isNaN(value)) {
			return "—";
		}
		if (Math.abs(value) >= 100) {
			return String.format("%,.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format("%.1f", value);
		}
		return String.format("%.2f", value);
	}

}
