package se.kedja.cases.reporting;

import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import se.kedja.cases.recording.CurrentUser;
import se.kedja.support.security.KedjaPrincipal;
import se.kedja.support.security.Role;

/**
 * Who may see personal identity numbers in a funder report: a manager or an auditor of
 * the report's project, as the caller's token says. The one place these rules live.
 */
@Component
class ReportingAccess {

	private final CurrentUser user;

	ReportingAccess(CurrentUser user) {
		this.user = user;
	}

	Caller caller() {
		Optional<KedjaPrincipal> principal = KedjaPrincipal.currentIfAny();
		String roles = principal
			.map((p) -> p.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(",")))
			.filter((text) -> !text.isEmpty())
			.orElse(null);
		return new Caller(this.user.key(), roles, principal.orElse(null));
	}

	/**
	 * The caller as far as reporting cares: who, their roles as logged, and the token.
	 */
	record Caller(String user, @Nullable String roles, @Nullable KedjaPrincipal principal) {

		boolean mayResolveIdentities(@Nullable String projectId) {
			return this.principal != null && projectId != null
					&& this.principal.may(projectId, Role.MANAGER, Role.AUDITOR);
		}

		boolean mayReadResolutionLog() {
			return this.principal != null && this.principal.has(Role.AUDITOR);
		}

		boolean mayMarkProtectedIdentity() {
			return this.principal != null && this.principal.hasAny(Role.MANAGER, Role.ADMIN);
		}

	}

}
