package se.kedja.progress.exports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import se.kedja.progress.goals.GoalProgress;
import se.kedja.progress.goals.GoalProgress.BucketFigure;
import se.kedja.progress.intake.Participant;

/**
 * A one-page summary for a steering group, styled for print (A4, black on white, status
 * in words as well as colour), in Swedish or English.
 */
final class SummaryPage {

	private static final Map<String, Map<String, String>> WORDS = Map.of("sv", Map.ofEntries(
			Map.entry("title", "Lägesrapport"), Map.entry("asOf", "Läget per"),
			Map.entry("revision", "definition, version"), Map.entry("goal", "Mål"), Map.entry("actual", "Utfall"),
			Map.entry("target", "Målvärde"), Map.entry("status", "Status"), Map.entry("forecast", "Prognos"),
			Map.entry("women", "Kvinnor"), Map.entry("men", "Män"), Map.entry("other", "Annat"),
			Map.entry("participants", "Deltagare"), Map.entry("enrolled", "Inskrivna"), Map.entry("active", "Aktiva"),
			Map.entry("exited", "Avslutade"), Map.entry("total", "Totalt"), Map.entry("on-track", "I fas"),
			Map.entry("at-risk", "Risk"), Map.entry("off-track", "Efter"), Map.entry("invalid", "Ogiltigt"),
			Map.entry("byGender", "Utfall per kön"),
			Map.entry("note",
					"Siffrorna är beräknade ur det som var registrerat vid dagens slut; deltagare anges inte med namn.")),
			"en",
			Map.ofEntries(Map.entry("title", "Progress summary"), Map.entry("asOf", "As of"),
					Map.entry("revision", "definition, revision"), Map.entry("goal", "Goal"),
					Map.entry("actual", "Actual"), Map.entry("target", "Target"), Map.entry("status", "Status"),
					Map.entry("forecast", "Forecast"), Map.entry("women", "Women"), Map.entry("men", "Men"),
					Map.entry("other", "Other"), Map.entry("participants", "Participants"),
					Map.entry("enrolled", "Enrolled"), Map.entry("active", "Active"), Map.entry("exited", "Exited"),
					Map.entry("total", "Total"), Map.entry("on-track", "On track"), Map.entry("at-risk", "At risk"),
					Map.entry("off-track", "Off track"), Map.entry("invalid", "Invalid"),
					Map.entry("byGender", "Actual by gender"), Map.entry("note",
							"Figures are computed from what had been recorded by the end of the day; no participant is named.")));

	private static final String STYLE = """
			@page { size: A4; margin: 18mm 15mm; }
			body { font-family: system-ui, sans-serif; font-size: 10.5pt; color: #000; background: #fff; }
			h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }
			p.meta { margin: 0 0 4mm; color: #333; }
			table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
			tr { page-break-inside: avoid; }
			th, td { border: 0.5pt solid #666; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
			td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
			.on-track { background: #e3f3e3; } .at-risk { background: #fff4d6; } .off-track { background: #fbe0e0; }
			footer { margin-top: 6mm; font-size: 9pt; color: #333; }
			@media print { .on-track, .at-risk, .off-track { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
			""";

	private SummaryPage() {
	}

	static byte[] render(ProgressExport export, String lang) {
		Map<String, String> w = WORDS.get(lang);
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"")
			.append(lang)
			.append("\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<title>")
			.append(esc(w.get("title") + " – " + export.progress().name()))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n<h1>")
			.append(esc(w.get("title") + ": " + export.progress().name()))
			.append("</h1>\n<p class=\"meta\">")
			.append(esc(w.get("asOf") + " " + export.progress().asOf() + " · " + w.get("revision") + " "
					+ export.progress().revision()))
			.append("</p>\n");
		participants(html, export.participants(), export.progress().asOf(), w);
		html.append("<h2>")
			.append(esc(w.get("goal")))
			.append("</h2>\n<table>\n<thead><tr><th>")
			.append(esc(w.get("goal")))
			.append("</th><th class=\"n\">")
			.append(esc(w.get("actual")))
			.append("</th><th class=\"n\">")
			.append(esc(w.get("target")))
			.append("</th><th>")
			.append(esc(w.get("status")))
			.append("</th><th class=\"n\">")
			.append(esc(w.get("forecast")))
			.append("</th><th class=\"n\">")
			.append(esc(w.get("women")))
			.append("</th><th class=\"n\">")
			.append(esc(w.get("men")))
			.append("</th></tr></thead>\n<tbody>\n");
		for (GoalProgress goal : export.progress().goals()) {
			String status = goal.status().label();
			html.append("<tr class=\"").append(status).append("\"><td>").append(esc(goal.title()));
			if (goal.problem() != null) {
				html.append("<br><small>").append(esc(goal.problem())).append("</small>");
			}
			html.append("</td><td class=\"n\">")
				.append(esc(figure(goal.actual(), goal.unit())))
				.append("</td><td class=\"n\">")
				.append(esc(ProgressExport.target(goal.target())))
				.append("</td><td>")
				.append(esc(w.getOrDefault(status, status)))
				.append("</td><td class=\"n\">")
				.append((goal.forecast() != null) ? esc(figure(goal.forecast(), goal.unit())) : "")
				.append("</td><td class=\"n\">")
				.append(esc(gender(goal, "FEMALE")))
				.append("</td><td class=\"n\">")
				.append(esc(gender(goal, "MALE")))
				.append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n<footer>").append(esc(w.get("note"))).append("</footer>\n</body>\n</html>\n");
		return html.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void participants(StringBuilder html, List<Participant> participants, java.time.LocalDate day,
			Map<String, String> w) {
		html.append("<h2>").append(esc(w.get("participants"))).append("</h2>\n<table>\n<thead><tr><th></th>");
		for (String key : List.of("women", "men", "other", "total")) {
			html.append("<th class=\"n\">").append(esc(w.get(key))).append("</th>");
		}
		html.append("</tr></thead>\n<tbody>\n");
		for (String measure : List.of("enrolled", "active", "exited")) {
			html.append("<tr><td>").append(esc(w.get(measure))).append("</td>");
			for (String gender : List.of("FEMALE", "MALE", "OTHER", "")) {
				long count = participants.stream()
					.filter((p) -> gender.isEmpty() || p.gender().equals(gender))
					.filter((p) -> switch (measure) {
						case "active" -> p.activeOn(day);
						case "exited" -> p.exitedOn() != null && !p.exitedOn().isAfter(day);
						default -> !p.enrolledOn().isAfter(day);
					})
					.count();
				html.append("<td class=\"n\">").append(count).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</tbody>\n</table>\n");
	}

	private static String gender(GoalProgress goal, String bucket) {
		List<BucketFigure> buckets = goal.breakdowns().getOrDefault("gender", List.of());
		return buckets.stream()
			.filter((b) -> b.bucket().equals(bucket))
			.findFirst()
			.map((b) -> figure(b.actual(), goal.unit()))
			.orElse("0");
	}

	private static String figure(double value, String unit) {
		return ProgressExport.number(value) + ("percent".equals(unit) ? " %" : "");
	}

	static String esc(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
