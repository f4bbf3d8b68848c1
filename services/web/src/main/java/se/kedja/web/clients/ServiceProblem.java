package se.kedja.web.clients;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A service's refusal, read from its RFC 9457 problem document: a title and detail in the
 * user's language and, for validation, the fields at fault.
 */
public class ServiceProblem extends RuntimeException {

	private final int status;

	private final String title;

	private final @Nullable String detail;

	private final @Nullable String code;

	private final List<FieldError> errors;

	public ServiceProblem(int status, String title, @Nullable String detail, @Nullable String code,
			List<FieldError> errors) {
		super(status + " " + title + ((detail != null) ? ": " + detail : ""));
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	/**
	 * One field at fault; {@code field} is the path in the request body, e.g.
	 * {@code goals[0].key}.
	 */
	public record FieldError(String field, @Nullable String code, String message) {
	}

	static ServiceProblem read(URI uri, ClientHttpResponse response, JsonMapper json) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = response.getBody().readAllBytes();
		try {
			JsonNode problem = json.readTree(body);
			List<FieldError> errors = new ArrayList<>();
			for (JsonNode error : problem.path("errors")) {
				errors.add(new FieldError(error.path("field").asString(""), text(error, "code"),
						error.path("message").asString("")));
			}
			String title = problem.path("title").asString("");
			return new ServiceProblem(status, title.isBlank() ? response.getStatusText() : title,
					text(problem, "detail"), text(problem, "code"), errors);
		}
		catch (JacksonException ex) {
			return new ServiceProblem(status, response.getStatusText(), uri.getPath(), null, List.of());
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public @Nullable String detail() {
		return this.detail;
	}

	public @Nullable String code() {
		return this.code;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
