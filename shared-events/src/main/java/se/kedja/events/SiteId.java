package se.kedja.events;

/** A site (local unit or provider, anordnare) of a project. */
public record SiteId(String value) {

	public SiteId {
		if (value.isBlank()) {
			throw new IllegalArgumentException("SiteId must not be blank");
		}
	}

	public static SiteId of(String value) {
		return new SiteId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
