package se.kedja.audit.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import se.kedja.support.security.KedjaPrincipal;

/**
 * Who is reading, and why: the authenticated caller and the purpose they state.
 */
public record Reader(String user, String purpose) {

	static final String PURPOSE_HEADER = "X-Kedja-Purpose";

	static final String PURPOSE_PARAMETER = "purpose";

	private static final int MAX_LENGTH = 500;

	static Reader of(HttpServletRequest request) {
		String purpose = firstNonBlank(request.getHeader(PURPOSE_HEADER), request.getParameter(PURPOSE_PARAMETER));
		if (purpose == null) {
			throw new PurposeMissing();
		}
		return new Reader(clip(KedjaPrincipal.current().userId()), clip(purpose));
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
