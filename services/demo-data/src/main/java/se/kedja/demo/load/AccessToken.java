package se.kedja.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loader's bearer token: client credentials of the identity service's machine client
 * ({@code KEDJA_IDENTITY_URL}, {@code KEDJA_DEMO_LOADER_CLIENT_ID},
 * {@code KEDJA_DEMO_LOADER_SECRET}, as the launcher passes them), fetched once and again
 * shortly before it expires. Without them no token is sent.
 */
final class AccessToken {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final @Nullable URI tokenEndpoint;

	private final @Nullable String basic;

	private @Nullable String token;

	private Instant renewAt = Instant.MIN;

	private AccessToken(HttpClient http, @Nullable URI tokenEndpoint, @Nullable String basic) {
		this.http = http;
		this.tokenEndpoint = tokenEndpoint;
		this.basic = basic;
	}

	static AccessToken fromEnvironment(HttpClient http, Map<String, String> env) {
		String issuer = env.get("KEDJA_IDENTITY_URL");
		String client = env.get("KEDJA_DEMO_LOADER_CLIENT_ID");
		String secret = env.get("KEDJA_DEMO_LOADER_SECRET");
		if (issuer == null || client == null || secret == null) {
			return new AccessToken(http, null, null);
		}
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return new AccessToken(http, URI.create(issuer.replaceAll("/+$", "") + "/oauth2/token"), basic);
	}

	/** The {@code Authorization} header's value, if the loader has credentials. */
	synchronized Optional<String> authorization() {
		if (this.tokenEndpoint == null) {
			return Optional.empty();
		}
		if (this.token == null || Instant.now().isAfter(this.renewAt)) {
			fetch();
		}
		return Optional.of("Bearer " + this.token);
	}

	private void fetch() {
		HttpRequest request = HttpRequest.newBuilder(this.tokenEndpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + this.basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
			if (body == null || !body.path("access_token").isString()) {
				throw new IllegalStateException("No token for the demo loader from " + this.tokenEndpoint + ": "
						+ response.statusCode() + " " + response.body());
			}
			this.token = body.path("access_token").asString();
			long seconds = body.path("expires_in").asLong(300);
			this.renewAt = Instant.now().plusSeconds(Math.max(10, seconds - 60));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No token for the demo loader from " + this.tokenEndpoint, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
