package se.kedja.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kedja.identity.dev-token-endpoint=true", "kedja.identity.tokens-per-minute=5",
				"kedja.identity.key-file=target/test-signing-key.jwk",
				"kedja.identity.case-service-url=http://localhost:1" })
class RateLimitTest {

	@LocalServerPort
	int port;

	@Test
	void guessing_passwords_at_the_token_endpoints_is_slowed_down() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		int refused = 0;
		for (int i = 0; i < 12; i++) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + (i % 2 == 0 ? "/dev/token" : "/oauth2/token")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=admin@demo.kedja&password=guess" + i))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				refused++;
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
		}

		assertThat(refused).isGreaterThanOrEqualTo(6);
	}

}
