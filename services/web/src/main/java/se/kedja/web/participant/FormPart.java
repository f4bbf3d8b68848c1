package se.kedja.web.participant;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A single field, or one row of a repeated group (a plan goal, a planned activity). */
record FormPart(@Nullable String group, int row, List<FormField> fields) {

	static FormPart single(FormField field) {
		return new FormPart(null, 0, List.of(field));
	}

	static List<FormPart> rows(String group, int count, FormField... fields) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((row) -> new FormPart(group, row,
					java.util.Arrays.stream(fields).map((field) -> field.inRow(group, row)).toList()))
			.toList();
	}

}
