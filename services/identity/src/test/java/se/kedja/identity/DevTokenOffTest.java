package se.kedja.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the embedded default (the property unset) there is no password shortcut. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kedja.identity.key-file=target/test-signing-key.jwk", "kedja.identity.case-service-url=http://localhost:1" })
class DevTokenOffTest {

	@LocalServerPort
	int port;

	@Test
	void the_dev_token_endpoint_does_not_exist_unless_the_launcher_turns_it_on() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/dev/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=coach@demo.kedja&password=kedja-demo"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isNotEqualTo(200);
		assertThat(response.body()).doesNotContain("access_token");
	}

}
