package se.kedja.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has already verified, until they
 * expire. A client sends the same token with every request for its lifetime; checking its
 * RSA signature each time was the largest single cost of a write in case-service (about a
 * fifth of its CPU in the benchmark's write path). A remembered token is exactly the
 * string whose signature, issuer and times were checked; once its {@code exp} has passed
 * it is forgotten and the request goes through the full check again (which rejects it).
 * Tokens that fail the check and tokens without {@code exp} are never remembered. The
 * memory is bounded: when full, it starts over.
 */
final class VerifiedTokens implements JwtDecoder {

	static final int CAPACITY = 2_000;

	private final JwtDecoder delegate;

	private final Clock clock;

	private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokens(JwtDecoder delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.get(token);
		if (known != null) {
			if (unexpired(known)) {
				return known;
			}
			this.verified.remove(token, known);
		}
		Jwt jwt = this.delegate.decode(token);
		if (unexpired(jwt)) {
			if (this.verified.size() >= CAPACITY) {
				this.verified.clear();
			}
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private boolean unexpired(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	int size() {
		return this.verified.size();
	}

}
