package se.kedja.web.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.servlet.HandlerInterceptor;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.Role;

/**
 * Makes the signed-in person the request's {@link Caller}, with their own access token
 * (refreshed when it can be). When it has run out and cannot be refreshed, the person
 * signs in again, which the identity service's session makes quick, and comes back here.
 */
class CallerResolver implements HandlerInterceptor {

	private static final Duration SKEW = Duration.ofSeconds(30);

	private final OAuth2AuthorizedClientManager clients;

	private final OAuth2AuthorizedClientRepository repository;

	CallerResolver(OAuth2AuthorizedClientManager clients, OAuth2AuthorizedClientRepository repository) {
		this.clients = clients;
		this.repository = repository;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof OAuth2AuthenticationToken signedIn)) {
			return true;
		}
		String registration = signedIn.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = this.clients
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration)
				.principal(signedIn)
				.attribute(HttpServletRequest.class.getName(), request)
				.attribute(HttpServletResponse.class.getName(), response)
				.build());
		OAuth2AccessToken token = (client != null) ? client.getAccessToken() : null;
		if (token == null
				|| (token.getExpiresAt() != null && token.getExpiresAt().isBefore(Instant.now().plus(SKEW)))) {
			this.repository.removeAuthorizedClient(registration, signedIn, request, response);
			throw new ClientAuthorizationRequiredException(registration);
		}
		List<Role> roles = signedIn.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.flatMap((authority) -> Role.fromAuthority(authority).stream())
			.sorted()
			.toList();
		request.setAttribute(Caller.ATTRIBUTE, new Caller(signedIn.getName(), roles, token.getTokenValue()));
		return true;
	}

}
