package se.kedja.progress.stream;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.kedja.progress.IntegrationTest;
import se.kedja.progress.fixtures.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open dashboard stream must not hold up the service's shutdown: the web server's
 * graceful shutdown waits for open requests, so the streams are ended as the application
 * starts to close.
 */
class ProgressStreamClosingTest extends IntegrationTest {

	@Autowired
	private ProgressStream stream;

	@Test
	void closing_ends_an_open_stream() throws Exception {
		String projectId = "closing-stream";
		publishProject(TestProject.defined(projectId, TestProject.goals()));
		awaitProgress(projectId, (progress) -> true);
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create("http://localhost:" + this.port + "/api/projects/" + projectId + "/progress/stream"))
				.header("Accept", "text/event-stream")
				.header("Authorization", bearer())
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		assertThat(lines.readLine()).isEqualTo("event:progress");

		this.stream.closeStreams();

		List<String> rest = CompletableFuture.supplyAsync(() -> readToEnd(lines)).get(20, TimeUnit.SECONDS);
		assertThat(rest).anyMatch((line) -> line.startsWith("data:"));
		response.body().close();
	}

	/** Every line until the server ends the stream. */
	private static List<String> readToEnd(BufferedReader lines) {
		List<String> read = new ArrayList<>();
		try {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				read.add(line);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return read;
	}

}
