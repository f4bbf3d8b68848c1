package se.kedja.cases.imports;

import tools.jackson.databind.node.ObjectNode;

/**
 * One line of a file: its number as a person counts lines in the file (the header is line
 * 1 of a CSV or sheet) and its fields by column or key. {@code malformed} is set when the
 * line could not be read at all. A line of a table (CSV, sheet) takes an empty or missing
 * list column as an empty list; a JSON line is as strict as the API.
 */
record ImportLine(long number, ObjectNode fields, String malformed, boolean tabular) {

	static ImportLine of(long number, ObjectNode fields) {
		return new ImportLine(number, fields, "", true);
	}

	static ImportLine json(long number, ObjectNode fields, String malformed) {
		return new ImportLine(number, fields, malformed, false);
	}

	String text(String field) {
		return this.fields.path(field).asString("").strip();
	}

}
