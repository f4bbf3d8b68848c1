package se.kedja.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kedja.deploy.Repository.at;
import static se.kedja.deploy.Repository.list;
import static se.kedja.deploy.Repository.map;
import static se.kedja.deploy.Repository.mapOrEmpty;
import static se.kedja.deploy.Repository.text;

/**
 * Checks docker-compose.yml and the Dockerfile it builds from, without a Docker engine.
 */
class DockerComposeTest {

	private static Map<String, Object> compose;

	private static Map<String, Object> services;

	@BeforeAll
	static void loadCompose() {
		compose = Repository.loadOne(Repository.file("docker-compose.yml"));
		services = map(compose.get("services"), "services");
	}

	@Test
	void compose_file_defines_the_infrastructure_and_every_documented_service() {
		assertThat(services).containsKeys("postgres", "kafka", "kafka-init");
		assertThat(services)
			.containsKeys(Repository.SERVICES.stream().map(Repository.Service::name).toArray(String[]::new));
	}

	@Test
	void infrastructure_uses_the_official_images() {
		assertThat(at(compose, "services", "postgres", "image")).isEqualTo("postgres:17");
		assertThat(at(compose, "services", "kafka", "image")).isEqualTo("apache/kafka:4.2.0");
	}

	@Test
	void every_service_has_an_image_or_a_build_whose_dockerfile_exists() {
		services.forEach((name, definition) -> {
			Object image = at(definition, "image");
			Object build = at(definition, "build");
			assertThat(image != null || build != null).as("%s has an image or a build", name).isTrue();
			if (build != null) {
				assertThat(dockerfile(name)).as("Dockerfile of %s", name).isRegularFile();
			}
		});
	}

	@Test
	void every_built_service_copies_the_jar_of_the_maven_module_of_that_name() throws IOException {
		List<String> built = new ArrayList<>();
		for (String name : services.keySet()) {
			if (at(services.get(name), "build") == null) {
				continue;
			}
			built.add(name);
			String module = buildArguments(name).get("SERVICE");
			assertThat(module).as("build arg SERVICE of %s", name).isEqualTo(name);
			Path pom = Repository.file("services/" + module + "/pom.xml");
			assertThat(pom).as("the module of %s", name).isRegularFile();
			assertThat(Repository.pomElement(pom, "artifactId")).as("artifactId in %s", pom).isEqualTo(module);
			assertThat(Repository.pomFinalName(pom)).as("finalName in %s (the jar is target/<finalName>.jar)", pom)
				.isEqualTo(module);
			String dockerfile = Files.readString(dockerfile(name));
			Matcher copy = Pattern.compile("(?m)^COPY\\b.*\\s(\\S+\\.jar)\\s+\\S+$").matcher(dockerfile);
			assertThat(copy.find()).as("%s copies a jar", dockerfile(name)).isTrue();
			String jar = copy.group(1).replace("${SERVICE}", module).replace("$SERVICE", module);
			assertThat(jar).isEqualTo("services/" + module + "/target/" + module + ".jar");
		}
		assertThat(built)
			.containsExactlyInAnyOrderElementsOf(Repository.SERVICES.stream().map(Repository.Service::name).toList());
	}

	@Test
	void the_dockerfile_runs_on_a_java_21_jre_as_a_non_root_user() throws IOException {
		for (String name : builtServices()) {
			String dockerfile = Files.readString(dockerfile(name));
			assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:21-jre\\S*\\s*$");
			Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
			assertThat(user.find()).as("%s sets a USER", name).isTrue();
			assertThat(user.group(1)).doesNotStartWith("root").isNotEqualTo("0").doesNotStartWith("0:");
			Matcher healthcheck = Pattern.compile("(?m)^COPY\\s+(deploy/\\S+)\\s").matcher(dockerfile);
			while (healthcheck.find()) {
				assertThat(Repository.file(healthcheck.group(1))).as("file copied into the image").isRegularFile();
			}
		}
	}

	@Test
	void every_service_depends_only_on_defined_services() {
		services.forEach((name, definition) -> assertThat(dependencies(name).keySet()).as("depends_on of %s", name)
			.allSatisfy((dependency) -> assertThat(services).containsKey(dependency))
			.doesNotContain(name));
	}

	@Test
	void every_service_waited_for_as_healthy_has_a_health_check() {
		services.forEach((name, definition) -> dependencies(name).forEach((dependency, condition) -> {
			if ("service_healthy".equals(condition)) {
				assertThat(at(services.get(dependency), "healthcheck", "test"))
					.as("%s waits for %s to be healthy, so it needs a health check", name, dependency)
					.isNotNull();
			}
		}));
	}

	@Test
	void postgres_and_kafka_have_health_checks_with_their_own_tools() {
		assertThat(String.valueOf(at(services, "postgres", "healthcheck", "test"))).contains("pg_isready");
		assertThat(String.valueOf(at(services, "kafka", "healthcheck", "test")))
			.containsAnyOf("kafka-broker-api-versions.sh", "kafka-topics.sh");
	}

	@Test
	void every_app_service_waits_for_a_healthy_database_and_broker_and_for_the_topics() {
		for (Repository.Service service : Repository.SERVICES) {
			assertThat(dependencies(service.name())).as("depends_on of %s", service.name())
				.containsEntry("postgres", "service_healthy")
				.containsEntry("kafka", "service_healthy")
				.containsEntry("kafka-init", "service_completed_successfully");
		}
	}

	@Test
	void published_ports_are_the_documented_ones_and_unique() {
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("postgres", 5432);
		expected.put("kafka", 9092);
		expected.put("keycloak", 9000);
		Repository.SERVICES.forEach((service) -> expected.put(service.name(), service.port()));
		Map<Integer, String> hostPorts = new HashMap<>();
		services.forEach((name, definition) -> {
			for (Object port : list(at(definition, "ports"), name + ".ports")) {
				int hostPort = hostPort(port);
				String previous = hostPorts.put(hostPort, name);
				assertThat(previous).as("host port %d published by %s and %s", hostPort, previous, name).isNull();
			}
		});
		expected.forEach((name, port) -> {
			assertThat(hostPorts).as("host port of %s", name).containsEntry(port, name);
			assertThat(containerPorts(name)).as("container port of %s", name)
				.contains(name.equals("keycloak") ? 8080 : port);
		});
		assertThat(hostPorts).hasSize(expected.size());
	}

	@Test
	void every_app_service_sets_the_environment_it_needs() {
		String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
		for (Repository.Service service : Repository.SERVICES) {
			Map<String, String> environment = environment(service.name());
			assertThat(environment).as("environment of %s", service.name())
				.containsKeys(Repository.REQUIRED_ENVIRONMENT.toArray(String[]::new));
			Repository.REQUIRED_ENVIRONMENT
				.forEach((variable) -> assertThat(environment.get(variable)).as(variable).isNotBlank());
			assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/")
				.endsWith("?currentSchema=" + service.schema());
			assertThat(environment.get("SPRING_FLYWAY_DEFAULT_SCHEMA")).isEqualTo(service.schema());
			assertThat(environment.get("SPRING_FLYWAY_SCHEMAS")).isEqualTo(service.schema());
			assertThat(environment.get("SERVER_PORT")).isEqualTo(String.valueOf(service.port()));
			assertThat(advertised).as("the broker advertises what %s connects to", service.name())
				.contains("://" + environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
			assertThat(environment.get("SPRING_DATASOURCE_USERNAME"))
				.isEqualTo(environment("postgres").get("POSTGRES_USER"));
			assertThat(environment.get("SPRING_DATASOURCE_PASSWORD"))
				.isEqualTo(environment("postgres").get("POSTGRES_PASSWORD"));
		}
	}

	@Test
	void every_app_service_trusts_the_keycloak_realm_that_compose_imports() {
		assertThat(String.valueOf(at(services, "keycloak", "command"))).contains("--import-realm");
		assertThat(Repository.file("deploy/compose/keycloak/kedja-realm.json")).isRegularFile();
		Repository.SERVICES.forEach((service) -> {
			Map<String, String> environment = environment(service.name());
			assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
				.isEqualTo("http://localhost:9000/realms/kedja");
			assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"))
				.startsWith("http://keycloak:8080/realms/kedja/");
			assertThat(dependencies(service.name())).containsKey("keycloak");
		});
	}

	@Test
	void every_named_volume_is_declared_and_every_bind_mount_exists() {
		Map<String, Object> declared = mapOrEmpty(compose.get("volumes"), "volumes");
		List<String> used = new ArrayList<>();
		services.forEach((name, definition) -> {
			for (Object volume : list(at(definition, "volumes"), name + ".volumes")) {
				String source = String.valueOf(volume).split(":")[0];
				if (source.startsWith(".") || source.startsWith("/")) {
					assertThat(Repository.root().resolve(source).normalize()).as("bind mount of %s", name).exists();
				}
				else {
					used.add(source);
					assertThat(declared).as("named volume %s of %s", source, name).containsKey(source);
				}
			}
		});
		assertThat(used).contains("postgres-data", "kafka-data");
	}

	@Test
	void kafka_init_creates_the_documented_topics_with_their_partitions() {
		String script = String.join("\n",
				list(at(services, "kafka-init", "command"), "kafka-init.command").stream()
					.map(String::valueOf)
					.toList());
		Matcher create = Pattern.compile("--create[^\\n]*--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)").matcher(script);
		Map<String, Integer> created = new HashMap<>();
		while (create.find()) {
			created.put(create.group(1), Integer.parseInt(create.group(2)));
		}
		assertThat(created).isEqualTo(Repository.TOPIC_PARTITIONS);
		assertThat(script).contains("--if-not-exists");
		assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
	}

	@Test
	void the_postgres_init_script_creates_every_service_schema() throws IOException {
		String initVolume = list(at(services, "postgres", "volumes"), "postgres.volumes").stream()
			.map(String::valueOf)
			.filter((volume) -> volume.contains("/docker-entrypoint-initdb.d/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("postgres mounts no init script"));
		String sql = Files.readString(Repository.root().resolve(initVolume.split(":")[0]).normalize());
		for (Repository.Service service : Repository.SERVICES) {
			assertThat(sql).containsPattern("(?i)CREATE SCHEMA IF NOT EXISTS " + service.schema() + "\\b");
		}
	}

	@Test
	void the_kafka_node_is_a_combined_kraft_broker_and_controller() {
		Map<String, String> kafka = environment("kafka");
		assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsKeys("CLUSTER_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_LISTENERS");
		assertThat(kafka.get("CLUSTER_ID")).matches("[A-Za-z0-9_-]{22}");
		assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(kafka.get("KAFKA_NODE_ID") + "@kafka:9093");
		assertThat(kafka.get("KAFKA_LOG_DIRS")).isEqualTo("/var/lib/kafka/data");
		assertThat(String.valueOf(at(services, "kafka", "volumes"))).contains(":/var/lib/kafka/data");
	}

	private static List<String> builtServices() {
		return services.keySet().stream().filter((name) -> at(services.get(name), "build") != null).toList();
	}

	private static Path dockerfile(String service) {
		Object build = at(services.get(service), "build");
		if (build instanceof String context) {
			return Repository.root().resolve(context).resolve("Dockerfile").normalize();
		}
		String context = String.valueOf(map(build, service + ".build").getOrDefault("context", "."));
		String dockerfile = String.valueOf(map(build, service + ".build").getOrDefault("dockerfile", "Dockerfile"));
		return Repository.root().resolve(context).resolve(dockerfile).normalize();
	}

	private static Map<String, String> buildArguments(String service) {
		Map<String, String> arguments = new HashMap<>();
		Object args = at(services.get(service), "build", "args");
		if (args instanceof Map<?, ?> map) {
			map.forEach((key, value) -> arguments.put(String.valueOf(key), text(value)));
		}
		else {
			for (Object entry : list(args, service + ".build.args")) {
				String[] pair = String.valueOf(entry).split("=", 2);
				arguments.put(pair[0], (pair.length > 1) ? pair[1] : null);
			}
		}
		return arguments;
	}

	/**
	 * depends_on as service name to condition (the short list form means
	 * service_started).
	 */
	private static Map<String, String> dependencies(String service) {
		Object dependsOn = at(services.get(service), "depends_on");
		Map<String, String> dependencies = new LinkedHashMap<>();
		if (dependsOn instanceof Map<?, ?> map) {
			map.forEach((name, spec) -> dependencies.put(String.valueOf(name), String
				.valueOf(mapOrEmpty(spec, "depends_on." + name).getOrDefault("condition", "service_started"))));
		}
		else {
			list(dependsOn, service + ".depends_on")
				.forEach((name) -> dependencies.put(String.valueOf(name), "service_started"));
		}
		return dependencies;
	}

	private static Map<String, String> environment(String service) {
		Object environment = at(services.get(service), "environment");
		Map<String, String> variables = new HashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> variables.put(String.valueOf(key), text(value)));
		}
		else {
			for (Object entry : list(environment, service + ".environment")) {
				String[] pair = String.valueOf(entry).split("=", 2);
				variables.put(pair[0], (pair.length > 1) ? pair[1] : null);
			}
		}
		return variables;
	}

	private static int hostPort(Object port) {
		if (port instanceof Map<?, ?> map) {
			return Integer.parseInt(String.valueOf(map.get("published")));
		}
		String[] parts = String.valueOf(port).split(":");
		assertThat(parts.length).as("port %s names host and container port", port).isGreaterThanOrEqualTo(2);
		return Integer.parseInt(parts[parts.length - 2]);
	}

	private static List<Integer> containerPorts(String service) {
		return list(at(services.get(service), "ports"), service + ".ports").stream().map((port) -> {
			if (port instanceof Map<?, ?> map) {
				return Integer.parseInt(String.valueOf(map.get("target")));
			}
			String[] parts = String.valueOf(port).split(":");
			return Integer.parseInt(parts[parts.length - 1].split("/")[0]);
		}).toList();
	}

}
