package se.kedja.audit.export;

import se.kedja.audit.history.HistoryEntry;
import se.kedja.audit.verification.Finding;

/**
 * A print-styled, self-contained HTML page of a case's history: no scripts, no external
 * assets.
 */
final class HistoryHtml {

	private static final String STYLE = """
			body{font-family:Georgia,serif;margin:2em;color:#111}
			h1{font-size:1.4em;margin-bottom:.2em}
			dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}
			dt{font-weight:bold}
			table{border-collapse:collapse;width:100%;font-size:.85em}
			th,td{border:1px solid #888;padding:.3em;vertical-align:top;text-align:left}
			th{background:#eee}
			.broken{color:#a00;font-weight:bold}
			.correction{background:#fff8e0}
			code{font-size:.8em;word-break:break-all}
			@page{size:A4 landscape;margin:15mm}
			@media print{body{margin:0}thead{display:table-header-group}tr{page-break-inside:avoid}}
			""";

	private HistoryHtml() {
	}

	static String render(HistoryExport export, HtmlLabels labels) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(labels.language())
			.append("\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(labels.get("title") + " " + export.participantId()))
			.append("</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n<h1>")
			.append(escape(labels.get("title")))
			.append("</h1>\n<dl>");
		term(html, labels.get("participant"), export.participantId());
		term(html, labels.get("exportedAt"), export.exportedAt().toString());
		term(html, labels.get("exportedBy"), export.exportedBy());
		term(html, labels.get("purpose"), export.purpose());
		term(html, labels.get("chain"), (export.verification().intact() ? labels.get("intact") : labels.get("broken"))
				+ " (" + export.verification().events() + " " + labels.get("events") + ")");
		html.append("</dl>\n");
		for (Finding finding : export.verification().findings()) {
			html.append("<p class=\"broken\">")
				.append(escape(labels.get("finding") + " #" + finding.sequence() + ": " + finding.problem() + " — "
						+ finding.detail()))
				.append("</p>\n");
		}
		html.append("<table><thead><tr>");
		for (String column : new String[] { "sequence", "type", "businessDate", "recordedAt", "recordedBy",
				"details" }) {
			html.append("<th>").append(escape(labels.get(column))).append("</th>");
		}
		html.append("</tr></thead><tbody>\n");
		for (HistoryEntry entry : export.history()) {
			html.append((entry.correction() != null) ? "<tr class=\"correction\">" : "<tr>");
			cell(html, Long.toString(entry.sequence()));
			cell(html, entry.type());
			cell(html, entry.businessDate().toString());
			cell(html, entry.recordedAt().toString());
			cell(html, entry.recordedBy());
			html.append("<td>");
			if (entry.correction() != null) {
				HistoryEntry.Correction correction = entry.correction();
				html.append("<p>")
					.append(escape(
							labels.get("correction") + " " + correction.correctedType() + " " + correction.corrects()))
					.append("<br>")
					.append(escape(labels.get("reason") + ": " + correction.reason()))
					.append("</p><ul>");
				for (HistoryEntry.Change change : correction.eventChanges()) {
					html.append("<li>")
						.append(escape(change.field() + ": " + change.from() + " → " + change.to()))
						.append("</li>");
				}
				html.append("</ul>");
			}
			html.append("<code>").append(escape(entry.payload().toString())).append("</code></td></tr>\n");
		}
		return html.append("</tbody></table>\n</body></html>\n").toString();
	}

	private static void term(StringBuilder html, String term, String value) {
		html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
	}

	private static void cell(StringBuilder html, String value) {
		html.append("<td>").append(escape(value)).append("</td>");
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
