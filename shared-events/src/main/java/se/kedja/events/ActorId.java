package se.kedja.events;

/**
 * An actor responsible for or cooperating on a case: an agency, a municipality's social
 * services, a provider.
 */
public record ActorId(String value) {

	public ActorId {
		if (value.isBlank()) {
			throw new IllegalArgumentException("ActorId must not be blank");
		}
	}

	public static ActorId of(String value) {
		return new ActorId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
