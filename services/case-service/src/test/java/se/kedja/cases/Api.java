package se.kedja.cases;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import se.kedja.testsupport.TestTokens;

/** Real HTTP against the running service; never throws on a status. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client;

	/**
	 * As a caller who may do everything, for tests about behaviour rather than
	 * authorisation.
	 */
	public Api(int port) {
		this(port, TestTokens.get().unrestricted("coach-anna"));
	}

	/** As the holder of this bearer token; {@code null} for no token at all. */
	public Api(int port, @Nullable String token) {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
		if (token != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		this.client = builder.build();
	}

	public record Response(int status, HttpHeaders headers, JsonNode body, String text) {

		public String problemType() {
			return this.body.path("type").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.text;
		}

	}

	public Response get(String path) {
		return exchange(HttpMethod.GET, path, null, Map.of());
	}

	public Response post(String path, Object body) {
		return exchange(HttpMethod.POST, path, body, Map.of());
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		return exchange(HttpMethod.POST, path, body, headers);
	}

	public Response exchange(HttpMethod method, String path, Object body, Map<String, String> headers) {
		return exchange(method, path, body, headers, MediaType.APPLICATION_JSON);
	}

	public Response exchange(HttpMethod method, String path, Object body, Map<String, String> headers,
			MediaType contentType) {
		RestClient.RequestBodySpec spec = this.client.method(method).uri(path).headers((h) -> headers.forEach(h::set));
		if (body != null) {
			spec.contentType(contentType).body((body instanceof String text) ? text : JSON.writeValueAsString(body));
		}
		return spec.exchange((request, response) -> {
			String text = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			JsonNode json = text.isBlank() ? JSON.missingNode() : parse(text);
			return new Response(response.getStatusCode().value(), response.getHeaders(), json, text);
		});
	}

	private static JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			return JSON.missingNode();
		}
	}

}
