package se.kedja.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OIDC issuer for tests, one per JVM: an RSA key, and a tiny HTTP server on a
 * random port serving its discovery document and JWK set, so services under test validate
 * tokens exactly as in production (by {@code issuer-uri}). Mints good tokens and the bad
 * ones the authorisation matrix needs: expired, from another issuer, badly signed.
 */
public final class TestTokens {

	private static volatile TestTokens instance;

	private final RSAKey key;

	private final RSAKey foreignKey;

	private final String issuer;

	private TestTokens(RSAKey key, RSAKey foreignKey, String issuer) {
		this.key = key;
		this.foreignKey = foreignKey;
		this.issuer = issuer;
	}

	public static TestTokens get() {
		TestTokens started = instance;
		if (started == null) {
			synchronized (TestTokens.class) {
				started = instance;
				if (started == null) {
					started = start();
					instance = started;
				}
			}
		}
		return started;
	}

	public String issuer() {
		return this.issuer;
	}

	/**
	 * A token for this user: roles such as {@code coach}, projects as {@code id} or
	 * {@code id/site}.
	 */
	public Builder user(String userId) {
		return new Builder(this, userId);
	}

	/**
	 * A caller that holds every role in every project, for tests about behaviour rather
	 * than authorisation.
	 */
	public String unrestricted(String userId) {
		return user(userId).roles("coach", "manager", "auditor", "admin").projects("*").token();
	}

	public static final class Builder {

		private final TestTokens tokens;

		private final String userId;

		private final List<String> roles = new ArrayList<>();

		private final List<String> projects = new ArrayList<>();

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(10);

		private String issuer;

		private boolean foreignKey;

		private boolean tampered;

		Builder(TestTokens tokens, String userId) {
			this.tokens = tokens;
			this.userId = userId;
			this.issuer = tokens.issuer;
		}

		public Builder roles(String... roles) {
			this.roles.addAll(List.of(roles));
			return this;
		}

		public Builder projects(String... projects) {
			this.projects.addAll(List.of(projects));
			return this;
		}

		/** Expired an hour ago. */
		public Builder expired() {
			this.issuedAt = Instant.now().minus(Duration.ofHours(2));
			this.lifetime = Duration.ofMinutes(10);
			return this;
		}

		/** Signed with the trusted key but naming another issuer. */
		public Builder otherIssuer() {
			this.issuer = "https://issuer.example.invalid";
			return this;
		}

		/** Signed with a key the services do not trust (same issuer and key id). */
		public Builder foreignKey() {
			this.foreignKey = true;
			return this;
		}

		/**
		 * Validly signed, then the payload changed (more roles), so the signature no
		 * longer fits.
		 */
		public Builder tampered() {
			this.tampered = true;
			return this;
		}

		public String token() {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
				.subject(this.userId)
				.audience("kedja")
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(this.issuedAt))
				.notBeforeTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.claim("roles", List.copyOf(this.roles))
				.claim("projects", List.copyOf(this.projects))
				.build();
			String token = sign(this.foreignKey ? this.tokens.foreignKey : this.tokens.key, claims);
			if (!this.tampered) {
				return token;
			}
			String[] parts = token.split("\\.");
			JWTClaimsSet forged = new JWTClaimsSet.Builder(claims)
				.claim("roles", List.of("coach", "manager", "auditor", "admin"))
				.claim("projects", List.of("*"))
				.build();
			String payload = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
			return parts[0] + "." + payload + "." + parts[2];
		}

	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TestTokens start() {
		try {
			RSAKey key = rsaKey();
			RSAKey foreign = rsaKey();
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			String issuer = "http://localhost:" + server.getAddress().getPort();
			String jwks = new JWKSet(key.toPublicJWK()).toString();
			String discovery = """
					{"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],\
					"id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],\
					"authorization_endpoint":"%s/authorize","token_endpoint":"%s/token"}""".formatted(issuer, issuer,
					issuer, issuer);
			server.createContext("/.well-known/openid-configuration", (exchange) -> respond(exchange, discovery));
			server.createContext("/.well-known/oauth-authorization-server", (exchange) -> respond(exchange, discovery));
			server.createContext("/jwks", (exchange) -> respond(exchange, jwks));
			server.setExecutor(null);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-tokens-stop"));
			return new TestTokens(key, foreign, issuer);
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot start the test token issuer", ex);
		}
	}

	private static RSAKey rsaKey() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID("kedja-test")
			.build();
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
