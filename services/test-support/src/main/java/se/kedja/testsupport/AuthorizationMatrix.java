package se.kedja.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

/**
 * The authorisation matrix of one service, generated from its OpenAPI document: every
 * path and method is called with no token, an expired token, a token from another issuer,
 * a token signed by an unknown key, a tampered token, and a token of each role inside and
 * outside the project in scope. Each endpoint needs a {@link Rule}; an endpoint the
 * document lists without one fails the matrix, so a new endpoint cannot escape it.
 * Refusals must carry none of the given secrets (personal identity numbers, names, ...).
 */
public final class AuthorizationMatrix {

	public static final List<String> ROLES = List.of("coach", "manager", "auditor", "admin");

	/** What a caller with a permitted role but outside the project is told. */
	public enum Scope {

		/** The endpoint is not about one project: the role decides. */
		ROLE,

		/** 403: the project's existence is no secret. */
		PROJECT,

		/**
		 * 404, exactly as for an unknown case: the case's existence is itself sensitive.
		 */
		CASE

	}

	/**
	 * @param roles the roles allowed inside the scope
	 * @param scope what an allowed role outside the project gets
	 * @param probeAllowed whether allowed callers are actually sent (false for endpoints
	 * whose side effect would disturb other tests: refusals are still probed)
	 */
	public record Rule(Set<String> roles, Scope scope, boolean probeAllowed, Set<String> everywhere) {

		public static Rule of(Scope scope, String... roles) {
			return new Rule(Set.of(roles), scope, true, Set.of());
		}

		public Rule refusalsOnly() {
			return new Rule(this.roles, this.scope, false, this.everywhere);
		}

		/** These roles are allowed in every project, assigned or not. */
		public Rule andEverywhere(String... roles) {
			Set<String> all = new TreeSet<>(this.roles);
			all.addAll(List.of(roles));
			return new Rule(Set.copyOf(all), this.scope, this.probeAllowed, Set.of(roles));
		}

	}

	/** One call and what came back. */
	public record Probe(String endpoint, String caller, int status, String body) {

		@Override
		public String toString() {
			return this.caller + " -> " + this.endpoint + " = " + this.status + " "
					+ this.body.substring(0, Math.min(200, this.body.length()));
		}

	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String project;

	private final String otherProject;

	private final Map<String, String> pathValues;

	private final List<String> secrets;

	private final List<Probe> probes = new ArrayList<>();

	private final Map<String, String> contentTypes = new LinkedHashMap<>();

	/**
	 * @param port the service's port
	 * @param project the project the "inside" callers are assigned to, and the seeded
	 * data lives in
	 * @param otherProject the project the "outside" callers are assigned to
	 * @param pathValues a value for every path variable name the document uses
	 * @param secrets strings no refusal may contain
	 */
	public AuthorizationMatrix(int port, String project, String otherProject, Map<String, String> pathValues,
			List<String> secrets) {
		this.base = "http://localhost:" + port;
		this.project = project;
		this.otherProject = otherProject;
		this.pathValues = pathValues;
		this.secrets = secrets;
	}

	/** Every {@code METHOD /path} of the service's OpenAPI document, DELETEs last. */
	public List<String> endpoints() {
		HttpResponse<String> docs = send(HttpRequest.newBuilder(URI.create(this.base + "/v3/api-docs")).GET(), null);
		if (docs.statusCode() != 200) {
			throw new AssertionError("/v3/api-docs answered " + docs.statusCode() + " without a token");
		}
		Map<String, Map<String, Object>> paths = JsonPath.read(docs.body(), "$.paths");
		Set<String> endpoints = new TreeSet<>(
				Comparator.comparing((String e) -> e.startsWith("DELETE")).thenComparing(Comparator.naturalOrder()));
		paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
			if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
				String endpoint = method.toUpperCase(Locale.ROOT) + " " + path;
				endpoints.add(endpoint);
				this.contentTypes.put(endpoint, contentType(operation));
			}
		}));
		return List.copyOf(endpoints);
	}

	/** The first type the operation's request body takes, JSON when it lists JSON. */
	private static String contentType(Object operation) {
		if (operation instanceof Map<?, ?> map && map.get("requestBody") instanceof Map<?, ?> body
				&& body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
			return content.containsKey("application/json") ? "application/json"
					: String.valueOf(content.keySet().iterator().next());
		}
		return "application/json";
	}

	public static String endpointKey(String method, String path) {
		return method + " " + path;
	}

	/**
	 * Runs the matrix; returns every failure as a line (empty when the service holds).
	 */
	public List<String> run(Map<String, Rule> rules) {
		List<String> failures = new ArrayList<>();
		TestTokens tokens = TestTokens.get();
		for (String endpoint : endpoints()) {
			Rule rule = rules.get(endpoint);
			if (rule == null) {
				failures.add(endpoint + ": no rule in the matrix (a new endpoint needs one)");
				continue;
			}
			Map<String, String> badTokens = new LinkedHashMap<>();
			badTokens.put("no token", null);
			badTokens.put("expired token",
					tokens.user("matrix-coach")
						.roles(ROLES.toArray(String[]::new))
						.projects(this.project)
						.expired()
						.token());
			badTokens.put("other issuer",
					tokens.user("matrix-coach")
						.roles(ROLES.toArray(String[]::new))
						.projects(this.project)
						.otherIssuer()
						.token());
			badTokens.put("unknown key",
					tokens.user("matrix-coach")
						.roles(ROLES.toArray(String[]::new))
						.projects(this.project)
						.foreignKey()
						.token());
			badTokens.put("tampered",
					tokens.user("matrix-coach").roles("coach").projects(this.otherProject).tampered().token());
			badTokens.put("garbage", "not-a-jwt");
			badTokens.forEach((caller, token) -> {
				Probe probe = call(endpoint, caller, token);
				if (probe.status() != 401) {
					failures.add(probe + " (expected 401)");
				}
				leaks(probe).ifPresent(failures::add);
			});
			for (String role : ROLES) {
				boolean allowed = rule.roles().contains(role);
				String inside = tokens.user("matrix-" + role).roles(role).projects(this.project).token();
				String outside = tokens.user("matrix-" + role).roles(role).projects(this.otherProject).token();
				if (allowed) {
					if (rule.probeAllowed()) {
						Probe probe = call(endpoint, role + " in scope", inside);
						if (probe.status() == 401 || probe.status() == 403) {
							failures.add(probe + " (expected to be allowed)");
						}
					}
					Probe probe = call(endpoint, role + " outside scope", outside);
					Scope scope = rule.everywhere().contains(role) ? Scope.ROLE : rule.scope();
					switch (scope) {
						case ROLE -> {
							if (rule.probeAllowed() && (probe.status() == 401 || probe.status() == 403)) {
								failures.add(probe + " (expected to be allowed: the role decides)");
							}
						}
						case PROJECT -> expect(failures, probe, 403);
						case CASE -> expect(failures, probe, 404);
					}
				}
				else {
					Probe in = call(endpoint, role + " in scope (role not allowed)", inside);
					expectRefused(failures, in, rule.scope());
					Probe out = call(endpoint, role + " outside scope (role not allowed)", outside);
					expectRefused(failures, out, rule.scope());
				}
			}
		}
		return failures;
	}

	public List<Probe> probes() {
		return List.copyOf(this.probes);
	}

	private void expectRefused(List<String> failures, Probe probe, Scope scope) {
		boolean refused = (scope == Scope.CASE) ? (probe.status() == 403 || probe.status() == 404)
				: probe.status() == 403;
		if (!refused) {
			failures.add(probe + " (expected to be refused)");
		}
		leaks(probe).ifPresent(failures::add);
	}

	private void expect(List<String> failures, Probe probe, int status) {
		if (probe.status() != status) {
			failures.add(probe + " (expected " + status + ")");
		}
		leaks(probe).ifPresent(failures::add);
	}

	private java.util.Optional<String> leaks(Probe probe) {
		for (String secret : this.secrets) {
			if (probe.body().contains(secret) && !probe.endpoint().contains(secret)) {
				return java.util.Optional.of(probe + " LEAKS " + secret);
			}
		}
		return java.util.Optional.empty();
	}

	private Probe call(String endpoint, String caller, String token) {
		int space = endpoint.indexOf(' ');
		String method = endpoint.substring(0, space);
		String path = fill(endpoint.substring(space + 1));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("X-Kedja-Purpose", "authorisation matrix");
		if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
			// a body of a type the endpoint takes, so that the request reaches the
			// endpoint
			String type = this.contentTypes.getOrDefault(endpoint, "application/json");
			if (type.startsWith("multipart/")) {
				request.header("Content-Type", type + "; boundary=matrix")
					.method(method, HttpRequest.BodyPublishers.ofString("--matrix--\r\n"));
			}
			else {
				request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString("{}"));
			}
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = send(request, token);
		Probe probe = new Probe(method + " " + path, caller, response.statusCode(), response.body());
		this.probes.add(probe);
		return probe;
	}

	private String fill(String template) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String value = this.pathValues.get(matcher.group(1));
			if (value == null) {
				throw new AssertionError("No value for the path variable {" + matcher.group(1) + "} of " + template);
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
