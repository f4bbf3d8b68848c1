package se.kedja.cases.personaldata;

import org.jspecify.annotations.Nullable;

/**
 * What identifies a person. Kept only in case-service, encrypted with the participant's
 * own key, never in an event.
 */
public record PersonalData(String name, String personnummer, @Nullable String email, @Nullable String phone,
		@Nullable String address) {

	@Override
	public String toString() {
		return "PersonalData[redacted]";
	}

}
