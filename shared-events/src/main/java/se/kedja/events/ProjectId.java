package se.kedja.events;

import java.util.regex.Pattern;

/** A project, named by a short slug such as {@code orangeriet}. */
public record ProjectId(String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{2,64}");

	public ProjectId {
		if (!SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException("A project id is 2 to 64 of a-z, 0-9 and '-', not '" + value + "'");
		}
	}

	public static ProjectId of(String value) {
		return new ProjectId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
