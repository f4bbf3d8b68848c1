package se.kedja.launcher.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.kedja.launcher.ChildProcess;
import se.kedja.launcher.DataDir;
import se.kedja.launcher.LaunchException;
import se.kedja.launcher.Secret;
import se.kedja.launcher.postgres.Database;

/**
 * One Spring Boot service as a child JVM, configured only through standard Spring
 * environment variables.
 */
public final class ServiceProcess {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final KedjaService service;

	private final ChildProcess child;

	private ServiceProcess(KedjaService service, ChildProcess child) {
		this.service = service;
		this.child = child;
	}

	static ServiceProcess start(KedjaService service, Path jar, DataDir data, Database database,
			String bootstrapServers) {
		Map<String, String> env = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(service.schema()),
				"SPRING_DATASOURCE_USERNAME", database.user(), "SPRING_DATASOURCE_PASSWORD", database.password(),
				"SPRING_FLYWAY_DEFAULT_SCHEMA", service.schema(), "SPRING_FLYWAY_SCHEMAS", service.schema(),
				"SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "SERVER_PORT", Integer.toString(service.port()),
				"MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true", "KEDJA_EXIT_ON_STDIN_CLOSE", "true"));
		if (service.holdsPersonalData()) {
			env.put("KEDJA_PERSONAL_DATA_KEY", Secret.readOrCreate(data.root().resolve("personal-data-key")));
		}
		if (service.isIssuer()) {
			// the issuer's key and the demo loader's secret are generated on first start
			env.put("KEDJA_IDENTITY_ISSUER", KedjaService.ISSUER);
			env.put("KEDJA_IDENTITY_KEY_FILE", data.root().resolve("identity-signing-key.jwk").toString());
			env.put("KEDJA_DEMO_LOADER_SECRET", demoLoaderSecret(data));
			env.put("KEDJA_IDENTITY_DEV_TOKEN_ENDPOINT", "true");
			env.put("KEDJA_CASE_SERVICE_URL", "http://localhost:8081");
		}
		else {
			env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", KedjaService.ISSUER);
		}
		// Sized so that the services, the broker and the database stay under 3 GiB
		// resident: a small heap with a small young generation, and the serial
		// collector. The services every event passes through get the C2 compiler as
		// well: with C1 alone, reading an envelope took 2.4 times as long, hashing one
		// 2.9
		// times (JMH, EnvelopeBenchmarks, 2026-11-23).
		List<String> java = new ArrayList<>(
				List.of("-Xmx384m", "-Xmn64m", "-XX:+UseSerialGC", "-Xss512k", "-XX:ReservedCodeCacheSize=64m"));
		java.addAll(ChildProcess.nativeMemoryTrimming());
		if (!service.carriesEvents()) {
			java.add("-XX:TieredStopAtLevel=1");
		}
		java.addAll(List.of("-jar", jar.toString()));
		return new ServiceProcess(service, ChildProcess.startJava(service.name(), data, java, env));
	}

	/**
	 * The client secret of {@code kedja-demo-loader}, which the demo loader also gets.
	 */
	public static String demoLoaderSecret(DataDir data) {
		return Secret.readOrCreate(data.root().resolve("demo-loader-secret"));
	}

	KedjaService service() {
		return service;
	}

	ChildProcess child() {
		return child;
	}

	void awaitReady() {
		URI readiness = URI.create("http://localhost:" + service.port() + "/actuator/health/readiness");
		HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw failure("stopped during startup (exit " + child.exitValue() + ")");
			}
			try {
				if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LaunchException("Interrupted while waiting for " + service.name());
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LaunchException("Interrupted while waiting for " + service.name());
			}
		}
		throw failure("was not ready within " + READY_TIMEOUT.toSeconds() + " s");
	}

	private LaunchException failure(String what) {
		return new LaunchException(service.name() + " " + what + "; last lines of " + child.log() + ":\n"
				+ String.join("\n", child.logTail(40)));
	}

	void stop() {
		child.stop(Duration.ofSeconds(20));
	}

}
