package se.kedja.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import se.kedja.demo.generate.DemoGenerator;
import se.kedja.demo.load.DemoLoader;

/**
 * A small generated project loaded through case-service's API, as {@code ./kedja demo}
 * does, so the pages and the screenshots show whole case histories: SESAM, with about
 * {@link #PARTICIPANTS} participants, its period moved to end just after today.
 */
record DemoProject(String id, long participants) {

	static final int PARTICIPANTS = 24;

	static final long SEED = 20081201;

	private static volatile DemoProject loaded;

	static synchronized DemoProject sesam(KedjaBackend backend) throws IOException {
		if (loaded == null) {
			DemoGenerator generator = DemoGenerator.scaled(SEED, LocalDate.now(ZoneOffset.UTC), PARTICIPANTS,
					List.of("sesam"));
			// the loader sends no token yet: these add one (the demo loader's, an
			// auditor's
			// for the histories it reads)
			HttpServer cases = withToken(backend.url("case-service"), backend::demoLoaderToken);
			HttpServer audit = withToken(backend.url("audit-service"), () -> backend.devToken("auditor@demo.kedja"));
			try {
				DemoLoader.Result result = new DemoLoader(address(cases), address(audit), 2, System.out::println)
					.load(generator);
				if (!result.failures().isEmpty()) {
					throw new IllegalStateException("The demo was refused: " + result.failures());
				}
				loaded = new DemoProject("sesam", result.participants().getOrDefault("sesam", 0L));
			}
			finally {
				cases.stop(0);
				audit.stop(0);
			}
		}
		return loaded;
	}

	private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
			"transfer-encoding", "authorization");

	private static HttpServer withToken(String target, Supplier<String> token) throws IOException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String bearer = "Bearer " + token.get();
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", (exchange) -> forward(http, target, bearer, exchange));
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
		return server;
	}

	private static void forward(HttpClient http, String target, String bearer, HttpExchange exchange)
			throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()))
				.header("Authorization", bearer);
			exchange.getRequestHeaders()
				.forEach((name, values) -> values.stream()
					.filter((value) -> !NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)))
					.forEach((value) -> request.header(name, value)));
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.headers()
				.map()
				.forEach((name, values) -> values.stream()
					.filter((value) -> !NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))
							&& !name.startsWith(":"))
					.forEach((value) -> exchange.getResponseHeaders().add(name, value)));
			byte[] body = response.body();
			exchange.sendResponseHeaders(response.statusCode(), (body.length == 0) ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static URI address(HttpServer server) {
		return URI.create("http://localhost:" + server.getAddress().getPort());
	}

}
