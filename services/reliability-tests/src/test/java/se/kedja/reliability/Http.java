package se.kedja.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against one service, as the suite's caller; never throws on a status. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final String base;

	Http(String base) {
		this.base = base;
	}

	record Response(int status, String contentType, String text) {

		JsonNode json() {
			try {
				return JSON.readTree(this.text);
			}
			catch (RuntimeException ex) {
				return JSON.missingNode();
			}
		}

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		boolean problem() {
			return this.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + ((this.text.length() > 300) ? this.text.substring(0, 300) + "…" : this.text);
		}

	}

	Response get(String path) throws IOException {
		return send(builder(path).GET(), Map.of());
	}

	Response post(String path, Object body, Map<String, String> headers) throws IOException {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(text))
			.header("Content-Type", "application/json"), headers);
	}

	Response send(String method, String path, String contentType, byte[] body) throws IOException {
		HttpRequest.Builder request = builder(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request, Map.of());
	}

	boolean ready() {
		try {
			return get("/actuator/health/readiness").status() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(REQUEST_TIMEOUT);
		Auth.headers().forEach(builder::header);
		builder.header("Accept-Language", "en");
		return builder;
	}

	private static Response send(HttpRequest.Builder request, Map<String, String> headers) throws IOException {
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
