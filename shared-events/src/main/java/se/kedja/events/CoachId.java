package se.kedja.events;

/** A coach (handledare). A pseudonymous user key, never a name. */
public record CoachId(String value) {

	public CoachId {
		if (value.isBlank()) {
			throw new IllegalArgumentException("CoachId must not be blank");
		}
	}

	public static CoachId of(String value) {
		return new CoachId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
