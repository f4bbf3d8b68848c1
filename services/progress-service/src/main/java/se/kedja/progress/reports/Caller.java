package se.kedja.progress.reports;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, until authentication arrives: the {@code X-Kedja-User} and
 * {@code X-Kedja-Role} headers. The one place the security work will replace (with the
 * token's subject and roles, and the token itself forwarded to case-service).
 */
record Caller(String user, @Nullable String role) {

	static final String USER_HEADER = "X-Kedja-User";

	static final String ROLE_HEADER = "X-Kedja-Role";

	static Caller of(HttpServletRequest request) {
		String user = request.getHeader(USER_HEADER);
		String role = request.getHeader(ROLE_HEADER);
		return new Caller((user != null && !user.isBlank()) ? user.strip() : "anonymous",
				(role != null && !role.isBlank()) ? role.strip() : null);
	}

}
