package se.kedja.web.participant;

import org.jspecify.annotations.Nullable;

/**
 * One input of a case form. Its {@code name} is the field's path in the request body
 * ({@code goals[0].key}), so that a service's field error lands beside the right input.
 */
record FormField(String name, Kind kind, @Nullable Class<? extends Enum<?>> enumType, @Nullable Source source,
		boolean required, @Nullable String defaultValue) {

	enum Kind {

		TEXT, TEXTAREA, DATE, NUMBER, SELECT, MULTI, YES_NO, CHECKBOX, KEY_VALUES, PATH

	}

	/** Options that come from the project definition or the case's own history. */
	enum Source {

		SITES, ACTORS, TARGET_GROUPS, PLAN_GOALS, EVENTS, PENDING_TRANSFERS

	}

	static FormField of(String name, Kind kind) {
		return new FormField(name, kind, null, null, true, null);
	}

	static FormField choice(String name, Class<? extends Enum<?>> type) {
		return new FormField(name, Kind.SELECT, type, null, true, null);
	}

	static FormField choice(String name, Source source) {
		return new FormField(name, Kind.SELECT, null, source, true, null);
	}

	static FormField many(String name, Class<? extends Enum<?>> type) {
		return new FormField(name, Kind.MULTI, type, null, true, null);
	}

	static FormField many(String name, Source source) {
		return new FormField(name, Kind.MULTI, null, source, true, null);
	}

	FormField optional() {
		return new FormField(this.name, this.kind, this.enumType, this.source, false, this.defaultValue);
	}

	FormField withDefault(String value) {
		return new FormField(this.name, this.kind, this.enumType, this.source, this.required, value);
	}

	FormField inRow(String group, int row) {
		return new FormField(group + "[" + row + "]." + this.name, this.kind, this.enumType, this.source, false,
				this.defaultValue);
	}

	/** The name without row numbers, for its label: {@code goals.key}. */
	public String labelKey() {
		return this.name.replaceAll("\\[\\d+]", "");
	}

	/** A safe element id. */
	public String id() {
		return "f-" + this.name.replaceAll("[^A-Za-z0-9]", "-");
	}

	public boolean hasOptions() {
		return this.kind == Kind.SELECT || this.kind == Kind.MULTI;
	}

	public String inputType() {
		return switch (this.kind) {
			case DATE -> "date";
			case NUMBER -> "number";
			default -> "text";
		};
	}

}
