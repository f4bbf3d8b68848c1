package se.kedja.web.browser;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import se.kedja.events.Topics;
import se.kedja.testsupport.TestInfrastructure;

/**
 * The real services behind the web app: the identity service people sign in with, and
 * each service's built fat jar as a child JVM against the test PostgreSQL and Kafka,
 * trusting that identity service's tokens, configured through the same environment
 * variables the launcher uses. Started once per test JVM.
 */
final class KedjaBackend {

	private static final Path SERVICES = Path.of("..").toAbsolutePath().normalize();

	private static volatile KedjaBackend instance;

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private static final List<String> NAMES = List.of("identity", "case-service", "progress-service", "audit-service");

	/** The demo accounts' password in the identity service. */
	static final String PASSWORD = "kedja-demo-" + UUID.randomUUID();

	private final Map<String, Integer> ports = new ConcurrentHashMap<>();

	// The issuer is in every token and the web app's address in the identity service's
	// client registration, so these two ports are chosen before anything starts.
	private final int identityPort = freePort();

	private final int webPort = freePort();

	private final String demoLoaderSecret = UUID.randomUUID().toString();

	private final Map<String, Process> processes = new ConcurrentHashMap<>();

	static boolean built() {
		return NAMES.stream().allMatch((service) -> Files.isRegularFile(jar(service)));
	}

	static synchronized KedjaBackend get() {
		if (instance == null) {
			KedjaBackend backend = new KedjaBackend();
			Runtime.getRuntime().addShutdownHook(new Thread(backend::stop, "kedja-backend-stop"));
			backend.start();
			instance = backend;
		}
		return instance;
	}

	String url(String service) {
		return "http://localhost:" + this.ports.get(service);
	}

	String issuer() {
		return "http://localhost:" + this.identityPort;
	}

	int webPort() {
		return this.webPort;
	}

	/** A demo account's access token from the identity service's shortcut for tests. */
	String devToken(String account) {
		return token(HttpRequest.newBuilder(URI.create(issuer() + "/dev/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(account, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
			.build());
	}

	/**
	 * A token of the demo loader, the identity service's machine client: coach and
	 * administrator in every project.
	 */
	String demoLoaderToken() {
		String basic = Base64.getEncoder()
			.encodeToString(("kedja-demo-loader:" + this.demoLoaderSecret).getBytes(StandardCharsets.UTF_8));
		return token(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build());
	}

	private static String token(HttpRequest request) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException(
						"No demo loader token: " + response.statusCode() + " " + response.body());
			}
			return token.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void start() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		createTopics(infrastructure.bootstrapServers());
		Map<String, String> schemas = Map.of("case-service", "cases", "progress-service", "progress", "audit-service",
				"audit");
		int casePort = freePort();
		start("identity", Map.of("SERVER_PORT", Integer.toString(this.identityPort), "KEDJA_IDENTITY_ISSUER", issuer(),
				"KEDJA_IDENTITY_KEY_FILE", Path.of("target", "identity-signing-key.jwk").toAbsolutePath().toString(),
				"KEDJA_DEMO_PASSWORD", PASSWORD, "KEDJA_DEMO_LOADER_SECRET", this.demoLoaderSecret,
				"KEDJA_WEB_REDIRECT_URI", "http://localhost:" + this.webPort + "/login/oauth2/code/kedja",
				"KEDJA_CASE_SERVICE_URL", "http://localhost:" + casePort, "KEDJA_IDENTITY_TOKENSPERMINUTE", "6000",
				"KEDJA_EXIT_ON_STDIN_CLOSE", "true", "KEDJA_IDENTITY_DEV_TOKEN_ENDPOINT", "true"));
		schemas.forEach((service, schema) -> {
			String jdbc = infrastructure.jdbcUrl() + (infrastructure.jdbcUrl().contains("?") ? "&" : "?")
					+ "currentSchema=" + schema;
			Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", jdbc,
					"SPRING_DATASOURCE_USERNAME", infrastructure.username(), "SPRING_DATASOURCE_PASSWORD",
					infrastructure.password(), "SPRING_FLYWAY_DEFAULT_SCHEMA", schema, "SPRING_FLYWAY_SCHEMAS", schema,
					"SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers(), "SERVER_PORT",
					service.equals("case-service") ? Integer.toString(casePort) : "0",
					"MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true", "KEDJA_EXIT_ON_STDIN_CLOSE", "true"));
			environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer());
			environment.put("KEDJA_DEV_MODE", "true");
			start(service, environment);
		});
		NAMES.forEach(this::awaitReady);
	}

	private void start(String service, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar(service).toString());
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true);
		builder.redirectOutput(log(service).toFile());
		try {
			this.processes.put(service, builder.start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + service, ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Each service takes a free port itself (SERVER_PORT=0) and says which in its log;
	// choosing one here first races with other builds on the machine.
	private void awaitReady(String service) {
		long portDeadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (!this.ports.containsKey(service) && System.nanoTime() < portDeadline) {
			try {
				Matcher started = STARTED.matcher(Files.readString(log(service)));
				if (started.find()) {
					this.ports.put(service, Integer.parseInt(started.group(1)));
				}
			}
			catch (IOException ex) {
				// not written yet
			}
			if (!this.processes.get(service).isAlive()) {
				throw new IllegalStateException(service + " stopped; see " + log(service).toAbsolutePath());
			}
			sleep(300);
		}
		int port = this.ports.getOrDefault(service, 0);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (!this.processes.get(service).isAlive()) {
				throw new IllegalStateException(service + " stopped; see " + log(service).toAbsolutePath());
			}
			sleep(500);
		}
		throw new IllegalStateException(
				service + " was not ready in time; see target/" + service + "-browser-test.log");
	}

	private void stop() {
		this.processes.values().forEach(Process::destroy);
		for (Process process : this.processes.values()) {
			try {
				if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Path jar(String service) {
		return SERVICES.resolve(service).resolve("target").resolve(service + ".jar");
	}

	// Consumers that start before a topic exists find it only at their next metadata
	// refresh (minutes), so the topics are made first, as a deployment would.
	private static void createTopics(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin
				.createTopics(Topics.all()
					.stream()
					.map((topic) -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
					.toList())
				.all()
				.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create the topics", ex);
		}
	}

	private static Path log(String service) {
		return Path.of("target", service + "-browser-test.log");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
