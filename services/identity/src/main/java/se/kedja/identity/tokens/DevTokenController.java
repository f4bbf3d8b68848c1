package se.kedja.identity.tokens;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.identity.config.IdentityProperties;

/**
 * The embedded default's shortcut for curl: a demo account's name and password in, an
 * access token out (Spring Authorization Server has no password grant). Exists only when
 * {@code kedja.identity.dev-token-endpoint=true}, which only the launcher sets; rate
 * limited like the token endpoint.
 */
@RestController
@ConditionalOnProperty(name = "kedja.identity.dev-token-endpoint", havingValue = "true")
class DevTokenController {

	private final AuthenticationManager authentication;

	private final JwtEncoder encoder;

	private final KedjaClaims claims;

	private final IdentityProperties properties;

	DevTokenController(AuthenticationManager authentication, JwtEncoder encoder, KedjaClaims claims,
			IdentityProperties properties) {
		this.authentication = authentication;
		this.encoder = encoder;
		this.claims = claims;
		this.properties = properties;
	}

	@PostMapping(path = "/dev/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> token(@RequestParam String username, @RequestParam String password) {
		try {
			this.authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		}
		catch (AuthenticationException ex) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("error", "invalid_grant", "error_description", "Unknown user or wrong password"));
		}
		Instant now = Instant.now();
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(username)
			.audience(java.util.List.of("kedja"))
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.properties.tokenLifetime()));
		this.claims.addUserClaims(builder, username);
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
			.getTokenValue();
		return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in",
				this.properties.tokenLifetime().toSeconds()));
	}

}
