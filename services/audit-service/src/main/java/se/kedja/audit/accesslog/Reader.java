package se.kedja.audit.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is reading, and why. The user comes from the {@code X-Kedja-User} header until
 * security arrives; this is the one place that has to change then.
 */
public record Reader(String user, String purpose) {

	static final String USER_HEADER = "X-Kedja-User";

	static final String PURPOSE_HEADER = "X-Kedja-Purpose";

	static final String PURPOSE_PARAMETER = "purpose";

	private static final String UNKNOWN_USER = "anonymous";

	private static final int MAX_LENGTH = 500;

	static Reader of(HttpServletRequest request) {
		String purpose = firstNonBlank(request.getHeader(PURPOSE_HEADER), request.getParameter(PURPOSE_PARAMETER));
		if (purpose == null) {
			throw new PurposeMissing();
		}
		String user = firstNonBlank(request.getHeader(USER_HEADER));
		return new Reader(clip((user != null) ? user : UNKNOWN_USER), clip(purpose));
	}

	private static @Nullable String firstNonBlank(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.strip();
			}
		}
		return null;
	}

	private static String clip(String value) {
		return (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) : value;
	}

}
