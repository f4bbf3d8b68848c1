package se.kedja.web.config;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The OpenID provider people sign in with, read from its discovery document the first
 * time someone signs in rather than at start, so the web app starts before the identity
 * service answers. {@code kedja-web} is a public client: authorization code with PKCE.
 */
class IdentityProvider implements ClientRegistrationRepository {

	static final String REGISTRATION = "kedja";

	private final Settings settings;

	private volatile @Nullable ClientRegistration registration;

	IdentityProvider(Settings settings) {
		this.settings = settings;
	}

	/** Where the provider is and who the web app is to it (env KEDJA_IDENTITY_ISSUER). */
	@ConfigurationProperties("kedja.identity")
	record Settings(URI issuer, String clientId) {
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = this.registration;
		if (known == null) {
			known = ClientRegistrations.fromIssuerLocation(this.settings.issuer().toString())
				.registrationId(REGISTRATION)
				.clientId(this.settings.clientId())
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "profile")
				.userNameAttributeName("sub")
				.build();
			this.registration = known;
		}
		return known;
	}

}
