package se.kedja.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kedja.identity.dev-token-endpoint=true", "kedja.identity.demo-loader-secret=test-secret",
				"kedja.identity.key-file=target/test-signing-key.jwk",
				"kedja.identity.case-service-url=http://localhost:1" })
class IdentityTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void a_demo_account_gets_a_token_with_its_roles_and_no_projects_when_none_are_known() throws Exception {
		HttpResponse<String> response = post("/dev/token", "username=auditor@demo.kedja&password=kedja-demo", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode claims = claims(JSON.readTree(response.body()).path("access_token").asString());
		assertThat(claims.path("sub").asString()).isEqualTo("auditor@demo.kedja");
		assertThat(claims.path("roles").get(0).asString()).isEqualTo("auditor");
		assertThat(claims.path("projects")).isEmpty();
		assertThat(claims.path("iss").asString()).isEqualTo("http://localhost:9000");
	}

	@Test
	void a_wrong_password_gets_no_token() throws Exception {
		HttpResponse<String> response = post("/dev/token", "username=coach@demo.kedja&password=guess", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void the_demo_loader_gets_a_token_by_client_credentials() throws Exception {
		String basic = Base64.getEncoder().encodeToString("kedja-demo-loader:test-secret".getBytes());

		HttpResponse<String> response = post("/oauth2/token", "grant_type=client_credentials", "Basic " + basic);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode claims = claims(JSON.readTree(response.body()).path("access_token").asString());
		assertThat(claims.path("sub").asString()).isEqualTo("kedja-demo-loader");
		assertThat(claims.path("projects").get(0).asString()).isEqualTo("*");
	}

	@Test
	void the_issuer_publishes_its_discovery_document_and_keys() throws Exception {
		HttpResponse<String> discovery = get("/.well-known/openid-configuration");
		HttpResponse<String> keys = get("/oauth2/jwks");

		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(discovery.body()).path("issuer").asString()).isEqualTo("http://localhost:9000");
		assertThat(keys.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
