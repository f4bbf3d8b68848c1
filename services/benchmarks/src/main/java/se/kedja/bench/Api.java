package se.kedja.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs with tokens got the documented way: client credentials of
 * {@code kedja-demo-loader} (secret in the data folder) from the embedded issuer, and an
 * auditor's token from its development token endpoint. Tokens are renewed before their
 * ten minutes run out.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The status of a request abandoned (interrupted) before it was answered. */
	static final int ABANDONED = 598;

	static final URI CASES = URI.create("http://localhost:8081");

	static final URI PROGRESS = URI.create("http://localhost:8082");

	static final URI AUDIT = URI.create("http://localhost:8083");

	static final URI IDENTITY = URI.create("http://localhost:9000");

	private static final long RENEW_AFTER_NANOS = Duration.ofMinutes(7).toNanos();

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Path dataDir;

	private volatile String loaderToken;

	private volatile long loaderTokenAt;

	private volatile String auditorToken;

	private volatile long auditorTokenAt;

	/** How tokens were got, for the report. */
	String tokenSource = "none";

	Api(Path dataDir) {
		this.dataDir = dataDir;
	}

	record Answer(int status, String body, long nanos) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		double millis() {
			return this.nanos / 1e6;
		}

	}

	/** A bearer token for case-service and progress-service (roles coach and admin). */
	String loaderToken() {
		if (this.loaderToken == null || System.nanoTime() - this.loaderTokenAt > RENEW_AFTER_NANOS) {
			synchronized (this) {
				if (this.loaderToken == null || System.nanoTime() - this.loaderTokenAt > RENEW_AFTER_NANOS) {
					this.loaderToken = clientCredentials();
					this.loaderTokenAt = System.nanoTime();
				}
			}
		}
		return this.loaderToken;
	}

	private String clientCredentials() {
		Path secretFile = this.dataDir.resolve("demo-loader-secret");
		try {
			if (!Files.isRegularFile(secretFile)) {
				this.tokenSource = "none (no " + secretFile + "; no issuer in this build)";
				return null;
			}
			String secret = Files.readString(secretFile).strip();
			String basic = Base64.getEncoder()
				.encodeToString(("kedja-demo-loader:" + secret).getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(IDENTITY.resolve("/oauth2/token"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("token endpoint answered " + response.statusCode());
			}
			this.tokenSource = "client credentials (kedja-demo-loader) from " + IDENTITY;
			return JSON.readTree(response.body()).path("access_token").asString();
		}
		catch (IOException ex) {
			this.tokenSource = "none (issuer not reachable: " + ex.getMessage() + ")";
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An auditor's token: the loader (an administrator) assigns
	 * {@code auditor@demo.kedja} to the project, then the development token endpoint
	 * issues the token.
	 */
	String auditorToken(String projectId) {
		if (this.auditorToken != null && System.nanoTime() - this.auditorTokenAt < RENEW_AFTER_NANOS) {
			return this.auditorToken;
		}
		if (loaderToken() == null) {
			return null;
		}
		Answer assigned = send("PUT", CASES, "/api/projects/" + projectId + "/assignments/auditor@demo.kedja",
				"{\"sites\":[]}", loaderToken(), Map.of());
		if (!assigned.ok()) {
			throw new IllegalStateException(
					"assigning the auditor answered " + assigned.status() + " " + assigned.body());
		}
		String password = System.getenv().getOrDefault("KEDJA_DEMO_PASSWORD", "kedja-demo");
		try {
			HttpRequest request = HttpRequest.newBuilder(IDENTITY.resolve("/dev/token"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + form("auditor@demo.kedja") + "&password=" + form(password)))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("dev token endpoint answered " + response.statusCode());
			}
			this.auditorToken = JSON.readTree(response.body()).path("access_token").asString();
			this.auditorTokenAt = System.nanoTime();
			return this.auditorToken;
		}
		catch (IOException ex) {
			throw new IllegalStateException("dev token endpoint: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	Answer post(String path, Object body) {
		return send("POST", CASES, path, JSON.writeValueAsString(body), loaderToken(),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	Answer get(URI base, String path, String token, Map<String, String> headers) {
		return send("GET", base, path, null, token, headers);
	}

	Answer send(String method, URI base, String path, String body, String token, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		else {
			// before the security work landed the services read the caller from headers
			request.header("X-Kedja-User", "bench").header("X-Kedja-Role", "admin");
		}
		headers.forEach(request::header);
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), System.nanoTime() - started);
		}
		catch (IOException ex) {
			return new Answer(599, String.valueOf(ex), System.nanoTime() - started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(ABANDONED, "abandoned", System.nanoTime() - started);
		}
	}

	/** Whether a service answers its readiness probe. */
	boolean ready(URI base) {
		Answer answer = send("GET", base, "/actuator/health/readiness", null, null, Map.of());
		return answer.status() == 200;
	}

}
