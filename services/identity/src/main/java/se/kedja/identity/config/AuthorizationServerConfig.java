package se.kedja.identity.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import se.kedja.identity.accounts.DemoAccounts;

/**
 * Spring Authorization Server with OIDC: the web's authorization code flow with PKCE
 * ({@code kedja-web}, a public client), client credentials for the demo loader
 * ({@code kedja-demo-loader}), a login form for the demo accounts, and a rate limit on
 * every endpoint that takes a secret.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AuthorizationServerConfig {

	static final String WEB_CLIENT = "kedja-web";

	static final String DEMO_LOADER = "kedja-demo-loader";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginChain(HttpSecurity http, IdentityProperties properties) throws Exception {
		// After signing in, the browser is sent on to the web app: with form-action
		// 'self'
		// alone, Chromium stops that redirect.
		URI web = URI.create(properties.webRedirectUri());
		String webOrigin = web.getScheme() + "://" + web.getAuthority();
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/dev/token", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/dev/token"))
			.formLogin(Customizer.withDefaults())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
				.policyDirectives("default-src 'self'; frame-ancestors 'none'; form-action 'self' " + webOrigin)));
		return http.build();
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(IdentityProperties properties) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(properties.tokensPerMinute()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService demoAccounts(IdentityProperties properties, PasswordEncoder encoder) {
		String password = encoder.encode(properties.demoPassword());
		List<UserDetails> users = DemoAccounts.ROLES.entrySet()
			.stream()
			.map((account) -> User.withUsername(account.getKey())
				.password(password)
				.roles(account.getValue().stream().map(String::toUpperCase).toArray(String[]::new))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	AuthenticationManager demoAuthenticationManager(UserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return new ProviderManager(provider);
	}

	@Bean
	RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenTimeToLive(properties.tokenLifetime())
			.refreshTokenTimeToLive(Duration.ofHours(8))
			.reuseRefreshTokens(false)
			.build();
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(WEB_CLIENT.getBytes()).toString())
			.clientId(WEB_CLIENT)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri(properties.webRedirectUri())
			.postLogoutRedirectUri(properties.webRedirectUri().replaceFirst("/login/oauth2/code/.*$", "/"))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens)
			.build());
		String loaderSecret = properties.demoLoaderSecret();
		if (loaderSecret != null && !loaderSecret.isBlank()) {
			clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(DEMO_LOADER.getBytes()).toString())
				.clientId(DEMO_LOADER)
				.clientSecret(encoder.encode(loaderSecret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenSettings(tokens)
				.build());
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
		RSAKey key = SigningKey.readOrCreate(properties.keyFile());
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

}
