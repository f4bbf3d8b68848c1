package se.kedja.cases.reporting;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import se.kedja.cases.recording.CurrentUser;

/**
 * Who may see personal identity numbers in a funder report: for now a manager or an
 * auditor, as the {@code X-Kedja-Role} header says. The one place the security work will
 * replace with the token's roles.
 */
@Component
class ReportingAccess {

	static final String ROLE_HEADER = "X-Kedja-Role";

	private static final Set<String> MAY_RESOLVE = Set.of("manager", "auditor");

	private final CurrentUser user;

	ReportingAccess(CurrentUser user) {
		this.user = user;
	}

	Caller caller() {
		String role = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String header = request.getHeader(ROLE_HEADER);
			role = (header != null && !header.isBlank()) ? header.strip() : null;
		}
		return new Caller(this.user.key(), role);
	}

	/** The caller as far as reporting cares: who, and in which role. */
	record Caller(String user, @Nullable String role) {

		boolean mayResolveIdentities() {
			return this.role != null && MAY_RESOLVE.contains(this.role);
		}

		boolean mayReadResolutionLog() {
			return "auditor".equals(this.role);
		}

		boolean mayMarkProtectedIdentity() {
			return "manager".equals(this.role) || "administrator".equals(this.role);
		}

	}

}
