package se.kedja.web.participant;

import java.util.List;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form as the page shows it: its parts, the values typed so far, the options, and the
 * errors the service gave, by input name.
 */
record FormView(CaseForm form, String action, String cancel, List<FormPart> parts, MultiValueMap<String, String> values,
		Map<String, List<Option>> options, Map<String, String> errors, List<String> generalErrors,
		String idempotencyKey) {

	public String value(FormField field) {
		String value = this.values.getFirst(field.name());
		return (value != null) ? value : "";
	}

	public boolean selected(FormField field, String option) {
		return this.values.getOrDefault(field.name(), List.of()).contains(option);
	}

	public boolean hasError(FormField field) {
		return this.errors.containsKey(field.name());
	}

	public @org.jspecify.annotations.Nullable String describedBy(FormField field) {
		return hasError(field) ? field.id() + "-error" : null;
	}

	public List<Option> options(FormField field) {
		return this.options.getOrDefault(field.name(), List.of());
	}

	/** The summary's links: the id of each input at fault and its message. */
	public List<Map.Entry<String, String>> errorLinks() {
		return this.errors.entrySet()
			.stream()
			.map((error) -> Map.entry("f-" + error.getKey().replaceAll("[^A-Za-z0-9]", "-"), error.getValue()))
			.toList();
	}

	static MultiValueMap<String, String> defaults(CaseForm form, String today, String user) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		for (FormField field : form.fields()) {
			if (field.defaultValue() != null) {
				values.add(field.name(), field.defaultValue());
			}
			else if (field.kind() == FormField.Kind.DATE && !field.name().contains("[")) {
				values.add(field.name(), today);
			}
		}
		if (form == CaseForm.ENROL) {
			values.set("coachId", user);
		}
		return values;
	}

}
