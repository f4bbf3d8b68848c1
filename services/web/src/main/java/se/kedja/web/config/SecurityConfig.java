package se.kedja.web.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

import se.kedja.web.clients.Role;

/**
 * Sign-in with the identity service (OpenID Connect, authorization code with PKCE), roles
 * from the token's {@code roles} claim, each role's pages for that role only, and
 * sign-out at the identity service too. The services decide again, from the same token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(IdentityProvider.Settings.class)
class SecurityConfig {

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/language",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/caseload", "/projects/**", "/participants/**")
			.hasRole(Role.COACH.name())
			.requestMatchers("/dashboard", "/dashboard/**")
			.hasRole(Role.MANAGER.name())
			.requestMatchers("/audit", "/audit/**")
			.hasRole(Role.AUDITOR.name())
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login.loginPage("/oauth2/authorization/" + IdentityProvider.REGISTRATION)
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(rolesFromTheToken())))
			.logout((logout) -> logout.logoutSuccessHandler(signedOut));
		return http.build();
	}

	@Bean
	IdentityProvider identityProvider(IdentityProvider.Settings settings) {
		return new IdentityProvider(settings);
	}

	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository clients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	private static OAuth2UserService<OidcUserRequest, OidcUser> rolesFromTheToken() {
		OidcUserService users = new OidcUserService();
		return (request) -> {
			OidcUser user = users.loadUser(request);
			List<SimpleGrantedAuthority> authorities = new ArrayList<>();
			for (String value : claimValues(user.getClaim("roles"))) {
				Role.fromClaim(value)
					.ifPresent((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
			}
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
		};
	}

	private static List<String> claimValues(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (claim instanceof String text) ? List.of(text.split("[\\s,]+")) : List.of();
	}

}
