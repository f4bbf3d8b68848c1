package se.kedja.audit.accesslog;

import java.util.List;

final class AccessLogCsv {

	private static final String HEADER = "position,accessed_at,accessed_by,participant_id,action,purpose,detail,previous_hash,hash\r\n";

	private AccessLogCsv() {
	}

	static String of(List<AccessLogEntry> entries) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (AccessLogEntry entry : entries) {
			csv.append(entry.position())
				.append(',')
				.append(entry.accessedAt())
				.append(',')
				.append(cell(entry.accessedBy()))
				.append(',')
				.append((entry.participantId() != null) ? entry.participantId() : "")
				.append(',')
				.append(entry.action())
				.append(',')
				.append(cell(entry.purpose()))
				.append(',')
				.append(cell(entry.detail()))
				.append(',')
				.append(entry.previousHash())
				.append(',')
				.append(entry.hash())
				.append("\r\n");
		}
		return csv.toString();
	}

	/**
	 * RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a
	 * formula.
	 */
	private static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

}
