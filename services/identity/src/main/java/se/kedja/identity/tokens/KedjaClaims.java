package se.kedja.identity.tokens;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import se.kedja.identity.accounts.Assignments;
import se.kedja.identity.accounts.DemoAccounts;

/**
 * What Kedja's services read from a token: {@code roles} (coach, manager, auditor, admin)
 * and {@code projects} (the user's assignments). The demo loader, a machine client, may
 * define projects, enrol demo participants and read their histories in every project.
 */
@Component
public class KedjaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	public static final String DEMO_LOADER = "kedja-demo-loader";

	private final Assignments assignments;

	KedjaClaims(Assignments assignments) {
		this.assignments = assignments;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				&& !"id_token".equals(context.getTokenType().getValue())) {
			return;
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			if (DEMO_LOADER.equals(context.getRegisteredClient().getClientId())) {
				context.getClaims()
					.claim("roles", List.of("coach", "auditor", "admin"))
					.claim("projects", List.of("*"));
			}
			return;
		}
		addUserClaims(context.getClaims(), context.getPrincipal().getName());
	}

	public void addUserClaims(JwtClaimsSet.Builder claims, String username) {
		claims.claim("roles", DemoAccounts.rolesOf(username).orElse(List.of()))
			.claim("projects", this.assignments.of(username));
	}

}
