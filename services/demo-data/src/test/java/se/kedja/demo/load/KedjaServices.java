package se.kedja.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import se.kedja.events.Topics;
import se.kedja.testsupport.TestInfrastructure;
import se.kedja.testsupport.TestTokens;

/**
 * case-service, progress-service and audit-service from their built fat jars, each a
 * child JVM against test-support's PostgreSQL (one database, a schema each) and Kafka,
 * configured through the environment variables the launcher uses and trusting
 * {@link TestTokens}' issuer. Logs go to {@code target/<service>-for-demo-test.log}.
 */
final class KedjaServices implements AutoCloseable {

	static final List<String> SERVICES = List.of("case-service", "progress-service", "audit-service");

	private static final Path FOLDER = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private static final Map<String, String> SCHEMAS = Map.of("case-service", "cases", "progress-service", "progress",
			"audit-service", "audit");

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Map<String, URI> urls = new HashMap<>();

	static boolean built() {
		return SERVICES.stream().allMatch((service) -> Files.isRegularFile(jar(service)));
	}

	/** Starts the three services and waits until each is ready. */
	static KedjaServices start() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		createTopics(infrastructure.bootstrapServers());
		String database = infrastructure.createDatabase("demo_data_" + System.nanoTime() % 1_000_000);
		KedjaServices services = new KedjaServices();
		try {
			for (String service : SERVICES) {
				services.launch(service, environment(service, database, infrastructure));
			}
			SERVICES.forEach(services::awaitReady);
			return services;
		}
		catch (RuntimeException ex) {
			services.close();
			throw ex;
		}
	}

	URI url(String service) {
		return this.urls.get(service);
	}

	private static Map<String, String> environment(String service, String database, TestInfrastructure infrastructure) {
		String schema = SCHEMAS.get(service);
		Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL",
				database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				"SPRING_DATASOURCE_USERNAME", infrastructure.username(), "SPRING_DATASOURCE_PASSWORD",
				infrastructure.password(), "SPRING_FLYWAY_DEFAULT_SCHEMA", schema, "SPRING_FLYWAY_SCHEMAS", schema,
				"SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers(), "SERVER_PORT", "0",
				"MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true", "KEDJA_DEV_MODE", "true"));
		environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", TestTokens.get().issuer());
		if (service.equals("case-service")) {
			environment.put("KEDJA_PROJECTS_DIR",
					"file:" + FOLDER.resolve("case-service/src/main/resources/projects") + "/");
		}
		if (service.equals("progress-service")) {
			// "today" for open windows and pending cases, the same day the generator is
			// told
			environment.put("KEDJA_PROGRESS_ZONE", "UTC");
		}
		return environment;
	}

	private void launch(String service, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar(service).toString())
			.redirectErrorStream(true)
			.redirectOutput(log(service).toFile());
		builder.environment().putAll(environment);
		try {
			this.processes.put(service, builder.start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + service, ex);
		}
	}

	// Each service takes a free port itself (SERVER_PORT=0) and says which in its log, so
	// no port chosen here can be taken by another build in between.
	private void awaitReady(String service) {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.processes.get(service).isAlive()) {
				throw new IllegalStateException(service + " stopped during startup; see " + log(service));
			}
			URI url = this.urls.computeIfAbsent(service, KedjaServices::startedAt);
			if (url == null) {
				this.urls.remove(service);
			}
			else if (ready(http, url)) {
				return;
			}
			pause(500);
		}
		throw new IllegalStateException(service + " was not ready in " + READY_TIMEOUT + "; see " + log(service));
	}

	private static URI startedAt(String service) {
		try {
			Matcher started = STARTED.matcher(Files.readString(log(service)));
			return started.find() ? URI.create("http://localhost:" + started.group(1)) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean ready(HttpClient http, URI url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(url.resolve("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.processes.values().forEach(Process::destroy);
		for (Process process : this.processes.values()) {
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Path jar(String service) {
		return FOLDER.resolve(service).resolve("target").resolve(service + ".jar");
	}

	static Path log(String service) {
		return Path.of("target", service + "-for-demo-test.log").toAbsolutePath();
	}

	// A consumer that starts before its topic exists finds it only at its next metadata
	// refresh (minutes), so the topics are made first, as a deployment would.
	private static void createTopics(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			List<String> existing = List.copyOf(admin.listTopics().names().get(30, TimeUnit.SECONDS));
			admin
				.createTopics(Topics.all()
					.stream()
					.filter((topic) -> !existing.contains(topic.name()))
					.map((topic) -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
					.toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create the topics", ex);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
