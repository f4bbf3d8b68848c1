package se.kedja.support.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifying decoder stands in for the issuer's (an external identity provider); the
 * clock is moved by hand.
 */
class VerifiedTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final List<String> verifiedByIssuer = new ArrayList<>();

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return VerifiedTokensTest.this.now.get();
		}
	};

	/** Accepts "good-…" tokens (expiring in 5 minutes, or never with "good-noexp"). */
	private final JwtDecoder issuer = (token) -> {
		this.verifiedByIssuer.add(token);
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("coach").issuedAt(NOW);
		if (!token.equals("good-noexp")) {
			jwt.expiresAt(NOW.plusSeconds(300));
		}
		return jwt.build();
	};

	private final VerifiedTokens decoder = new VerifiedTokens(this.issuer, this.clock);

	@Test
	void aTokenIsVerifiedOnceUntilItExpires() {
		assertThat(this.decoder.decode("good-1").getSubject()).isEqualTo("coach");
		assertThat(this.decoder.decode("good-1").getSubject()).isEqualTo("coach");
		this.now.set(NOW.plusSeconds(299));
		assertThat(this.decoder.decode("good-1").getTokenValue()).isEqualTo("good-1");
		assertThat(this.verifiedByIssuer).containsExactly("good-1");
	}

	@Test
	void anExpiredTokenGoesThroughTheFullCheckAgain() {
		this.decoder.decode("good-1");
		this.now.set(NOW.plusSeconds(300));
		this.decoder.decode("good-1");
		assertThat(this.verifiedByIssuer).containsExactly("good-1", "good-1");
	}

	@Test
	void aRejectedTokenIsRejectedEveryTimeAndNeverRemembered() {
		assertThatThrownBy(() -> this.decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> this.decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(this.verifiedByIssuer).containsExactly("forged", "forged");
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void aTokenWithoutExpiryIsNeverRemembered() {
		this.decoder.decode("good-noexp");
		this.decoder.decode("good-noexp");
		assertThat(this.verifiedByIssuer).containsExactly("good-noexp", "good-noexp");
	}

	@Test
	void theMemoryIsBounded() {
		for (int i = 0; i < VerifiedTokens.CAPACITY + 10; i++) {
			this.decoder.decode("good-" + i);
		}
		assertThat(this.decoder.size()).isLessThanOrEqualTo(VerifiedTokens.CAPACITY);
		assertThat(this.decoder.size()).isPositive();
	}

}
