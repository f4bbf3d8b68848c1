package se.kedja.web.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import se.kedja.events.Topics;
import se.kedja.testsupport.TestInfrastructure;

/**
 * The real services behind the web app: each built fat jar as a child JVM against the
 * test PostgreSQL and Kafka, configured through the same environment variables the
 * launcher uses. Started once per test JVM.
 */
final class KedjaBackend {

	private static final Path SERVICES = Path.of("..").toAbsolutePath().normalize();

	private static volatile KedjaBackend instance;

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private static final List<String> NAMES = List.of("case-service", "progress-service", "audit-service");

	private final Map<String, Integer> ports = new ConcurrentHashMap<>();

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

	private void start() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		createTopics(infrastructure.bootstrapServers());
		Map<String, String> schemas = Map.of("case-service", "cases", "progress-service", "progress", "audit-service",
				"audit");
		schemas.forEach((service, schema) -> {
			String jdbc = infrastructure.jdbcUrl() + (infrastructure.jdbcUrl().contains("?") ? "&" : "?")
					+ "currentSchema=" + schema;
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx320m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-jar", jar(service).toString());
			builder.environment()
				.putAll(Map.of("SPRING_DATASOURCE_URL", jdbc, "SPRING_DATASOURCE_USERNAME", infrastructure.username(),
						"SPRING_DATASOURCE_PASSWORD", infrastructure.password(), "SPRING_FLYWAY_DEFAULT_SCHEMA", schema,
						"SPRING_FLYWAY_SCHEMAS", schema, "SPRING_KAFKA_BOOTSTRAP_SERVERS",
						infrastructure.bootstrapServers(), "SERVER_PORT", "0",
						"MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true", "KEDJA_EXIT_ON_STDIN_CLOSE", "true",
						"KEDJA_DEV_MODE", "true"));
			builder.redirectErrorStream(true);
			builder.redirectOutput(log(service).toFile());
			try {
				this.processes.put(service, builder.start());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start " + service, ex);
			}
		});
		NAMES.forEach(this::awaitReady);
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
