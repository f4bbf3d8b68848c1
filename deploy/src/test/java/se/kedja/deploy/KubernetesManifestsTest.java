package se.kedja.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kedja.deploy.Repository.at;
import static se.kedja.deploy.Repository.list;
import static se.kedja.deploy.Repository.map;
import static se.kedja.deploy.Repository.mapOrEmpty;
import static se.kedja.deploy.Repository.text;

/**
 * Structural checks of the kustomize base and overlays under deploy/k8s, read as YAML (no
 * cluster needed). {@link KustomizeBuildTest} renders them with kustomize as well.
 */
class KubernetesManifestsTest {

	private static final Path BASE = Repository.k8s().resolve("base");

	private static final Path OVERLAYS = Repository.k8s().resolve("overlays");

	/**
	 * Every manifest document under deploy/k8s that is neither a Kustomization nor a
	 * patch, by file.
	 */
	private static Map<Path, List<Map<String, Object>>> manifests;

	/** The documents of the files that kustomizations apply as patches, by file. */
	private static Map<Path, List<Map<String, Object>>> patches;

	@BeforeAll
	static void loadManifests() {
		Set<Path> patchFiles = new HashSet<>();
		for (Path kustomization : kustomizations()) {
			Map<String, Object> document = Repository.loadOne(kustomization);
			List<Object> references = new ArrayList<>();
			list(document.get("patches"), "patches").forEach((patch) -> references.add(at(patch, "path")));
			references.addAll(list(document.get("patchesStrategicMerge"), "patchesStrategicMerge"));
			references.stream()
				.filter((reference) -> reference != null)
				.forEach((reference) -> patchFiles
					.add(kustomization.getParent().resolve(String.valueOf(reference)).normalize()));
		}
		manifests = new LinkedHashMap<>();
		patches = new LinkedHashMap<>();
		for (Path file : Repository.yamlFilesUnder(Repository.k8s())) {
			List<Map<String, Object>> documents = Repository.loadAll(file)
				.stream()
				.filter((document) -> !"Kustomization".equals(document.get("kind")))
				.toList();
			(patchFiles.contains(file.normalize()) ? patches : manifests).put(file, documents);
		}
	}

	@Test
	void every_yaml_file_under_deploy_k8s_parses_into_kubernetes_objects() {
		List<Path> files = Repository.yamlFilesUnder(Repository.k8s());
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			List<Map<String, Object>> documents = Repository.loadAll(file);
			assertThat(documents).as("documents in %s", file).isNotEmpty();
			for (Map<String, Object> document : documents) {
				assertThat(text(document.get("apiVersion"))).as("apiVersion in %s", file).isNotBlank();
				assertThat(text(document.get("kind"))).as("kind in %s", file).isNotBlank();
				if (!"Kustomization".equals(document.get("kind"))) {
					assertThat(text(at(document, "metadata", "name"))).as("metadata.name in %s", file)
						.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
				}
			}
		}
	}

	@Test
	void there_is_a_base_and_at_least_one_overlay() {
		assertThat(BASE.resolve("kustomization.yaml")).isRegularFile();
		assertThat(overlays()).isNotEmpty();
	}

	@Test
	void every_file_a_kustomization_refers_to_exists() {
		List<Path> kustomizations = Repository.yamlFilesUnder(Repository.k8s())
			.stream()
			.filter((file) -> file.getFileName().toString().equals("kustomization.yaml"))
			.toList();
		assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(2);
		for (Path kustomization : kustomizations) {
			Map<String, Object> document = Repository.loadOne(kustomization);
			Path directory = kustomization.getParent();
			List<Object> resources = list(document.get("resources"), kustomization + " resources");
			assertThat(resources).as("resources of %s", kustomization).isNotEmpty();
			for (Object resource : resources) {
				Path target = directory.resolve(String.valueOf(resource)).normalize();
				assertThat(target).as("resource %s of %s", resource, kustomization).exists();
				if (Files.isDirectory(target)) {
					assertThat(target.resolve("kustomization.yaml")).as("kustomization in %s", target).isRegularFile();
				}
			}
			for (Object patch : list(document.get("patches"), kustomization + " patches")) {
				Object path = at(patch, "path");
				if (path != null) {
					assertThat(directory.resolve(String.valueOf(path))).as("patch of %s", kustomization)
						.isRegularFile();
				}
			}
			for (Object patch : list(document.get("patchesStrategicMerge"), kustomization + " patchesStrategicMerge")) {
				assertThat(directory.resolve(String.valueOf(patch))).as("patch of %s", kustomization).isRegularFile();
			}
			for (String generatorKind : List.of("configMapGenerator", "secretGenerator")) {
				for (Object generator : list(document.get(generatorKind), generatorKind)) {
					for (String fileKey : List.of("files", "envs")) {
						for (Object file : list(at(generator, fileKey), generatorKind + "." + fileKey)) {
							String source = String.valueOf(file);
							source = source.substring(source.indexOf('=') + 1);
							assertThat(directory.resolve(source)).as("%s file of %s", generatorKind, kustomization)
								.isRegularFile();
						}
					}
				}
			}
		}
	}

	@Test
	void every_file_in_a_kustomization_directory_is_listed_in_it() {
		for (Path directory : Stream.concat(Stream.of(BASE), overlays().stream()).toList()) {
			Map<String, Object> kustomization = Repository.loadOne(directory.resolve("kustomization.yaml"));
			Set<String> referenced = new HashSet<>();
			list(kustomization.get("resources"), "resources")
				.forEach((resource) -> referenced.add(String.valueOf(resource)));
			list(kustomization.get("patches"), "patches").forEach((patch) -> referenced.add(text(at(patch, "path"))));
			for (Path file : Repository.yamlFilesUnder(directory)) {
				if (file.getParent().equals(directory) && !file.getFileName().toString().equals("kustomization.yaml")) {
					assertThat(referenced).as("%s is used by its kustomization", file)
						.contains(file.getFileName().toString());
				}
			}
		}
	}

	@Test
	void every_documented_service_has_a_deployment_and_a_service_in_the_base() {
		for (Repository.Service service : Repository.SERVICES) {
			assertThat(objects(BASE, "Deployment")).as("Deployment %s", service.name())
				.anySatisfy((deployment) -> assertThat(at(deployment, "metadata", "name")).isEqualTo(service.name()));
			assertThat(objects(BASE, "Service")).as("Service %s", service.name())
				.anySatisfy((object) -> assertThat(at(object, "metadata", "name")).isEqualTo(service.name()));
		}
	}

	@Test
	void every_deployment_probes_the_actuator_health_groups_on_a_declared_port() {
		List<Map<String, Object>> deployments = objects(Repository.k8s(), "Deployment");
		assertThat(deployments).isNotEmpty();
		for (Map<String, Object> deployment : deployments) {
			for (Map<String, Object> container : containers(deployment)) {
				String what = name(deployment) + "/" + container.get("name");
				assertThat(at(container, "livenessProbe", "httpGet", "path")).as("liveness of %s", what)
					.isEqualTo(Repository.LIVENESS_PATH);
				assertThat(at(container, "readinessProbe", "httpGet", "path")).as("readiness of %s", what)
					.isEqualTo(Repository.READINESS_PATH);
				for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
					Object port = at(container, probe, "httpGet", "port");
					if (port != null || !"startupProbe".equals(probe)) {
						assertThat(containerPorts(container)).as("%s port of %s", probe, what)
							.contains(String.valueOf(port));
					}
				}
			}
		}
	}

	@Test
	void every_deployment_has_resource_requests_and_limits() {
		for (Map<String, Object> deployment : objects(Repository.k8s(), "Deployment")) {
			for (Map<String, Object> container : containers(deployment)) {
				String what = name(deployment) + "/" + container.get("name");
				for (String bound : List.of("requests", "limits")) {
					assertThat(mapOrEmpty(at(container, "resources", bound), bound)).as("%s of %s", bound, what)
						.containsKeys("cpu", "memory");
				}
			}
		}
	}

	@Test
	void every_deployment_runs_at_least_two_replicas_and_no_more_than_the_case_event_partitions() {
		int partitions = Repository.TOPIC_PARTITIONS.get("kedja.case-events");
		for (Map<String, Object> deployment : objects(Repository.k8s(), "Deployment")) {
			Object replicas = at(deployment, "spec", "replicas");
			assertThat(replicas).as("replicas of %s", name(deployment)).isInstanceOf(Integer.class);
			assertThat((Integer) replicas).as("replicas of %s", name(deployment)).isBetween(2, partitions);
		}
	}

	@Test
	void every_deployment_selects_its_own_pods() {
		for (Map<String, Object> deployment : objects(Repository.k8s(), "Deployment")) {
			Map<String, Object> selector = mapOrEmpty(at(deployment, "spec", "selector", "matchLabels"), "selector");
			assertThat(selector).as("selector of %s", name(deployment)).isNotEmpty();
			assertThat(podLabels(deployment)).as("pod labels of %s", name(deployment)).containsAllEntriesOf(selector);
		}
	}

	@Test
	void every_deployment_sets_the_environment_its_service_needs() {
		for (Repository.Service service : Repository.SERVICES) {
			Map<String, Object> deployment = objects(BASE, "Deployment").stream()
				.filter((candidate) -> service.name().equals(name(candidate)))
				.findFirst()
				.orElseThrow();
			Map<String, Map<String, Object>> environment = new HashMap<>();
			for (Map<String, Object> container : containers(deployment)) {
				for (Object variable : list(container.get("env"), "env")) {
					environment.put(text(at(variable, "name")), map(variable, "env"));
				}
			}
			assertThat(environment).as("env of %s", service.name())
				.containsKeys(Repository.REQUIRED_ENVIRONMENT.toArray(String[]::new));
			assertThat(text(environment.get("SPRING_DATASOURCE_URL").get("value")))
				.endsWith("?currentSchema=" + service.schema());
			assertThat(text(environment.get("SPRING_FLYWAY_DEFAULT_SCHEMA").get("value"))).isEqualTo(service.schema());
			assertThat(text(environment.get("SPRING_FLYWAY_SCHEMAS").get("value"))).isEqualTo(service.schema());
			assertThat(text(environment.get("SERVER_PORT").get("value"))).isEqualTo(String.valueOf(service.port()));
			assertThat(at(environment.get("SPRING_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef"))
				.as("the database password comes from a Secret")
				.isNotNull();
			assertThat(at(environment.get("SPRING_DATASOURCE_USERNAME"), "valueFrom", "secretKeyRef"))
				.as("the database user comes from a Secret")
				.isNotNull();
			assertThat(at(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"), "valueFrom", "configMapKeyRef"))
				.as("the bootstrap servers come from the ConfigMap")
				.isNotNull();
		}
	}

	@Test
	void every_kafka_topic_has_three_replicas_and_the_documented_partitions() {
		Map<String, Integer> partitions = new HashMap<>();
		for (Map<String, Object> topic : objects(Repository.k8s(), "KafkaTopic")) {
			assertThat(text(topic.get("apiVersion"))).startsWith("kafka.strimzi.io/");
			assertThat(text(at(topic, "metadata", "labels", "strimzi.io/cluster"))).as("cluster of %s", name(topic))
				.isNotBlank();
			String topicName = (at(topic, "spec", "topicName") != null) ? text(at(topic, "spec", "topicName"))
					: name(topic);
			assertThat(at(topic, "spec", "replicas")).as("replicas of %s", topicName).isEqualTo(3);
			Integer previous = partitions.put(topicName, (Integer) at(topic, "spec", "partitions"));
			assertThat(previous).as("%s is defined once", topicName).isNull();
		}
		assertThat(partitions).isEqualTo(Repository.TOPIC_PARTITIONS);
	}

	@Test
	void every_config_map_and_secret_reference_names_a_defined_key() {
		List<Path> overlays = overlays();
		assertThat(overlays).isNotEmpty();
		List<Map<String, Object>> deployments = objects(BASE, "Deployment");
		for (Path overlay : overlays) {
			Map<String, Set<String>> configMaps = definedKeys(List.of(BASE, overlay), "ConfigMap",
					"configMapGenerator");
			Map<String, Set<String>> secrets = definedKeys(List.of(BASE, overlay), "Secret", "secretGenerator");
			List<Map<String, Object>> all = new ArrayList<>(deployments);
			all.addAll(objects(overlay, "Deployment"));
			int references = 0;
			for (Map<String, Object> deployment : all) {
				for (Map<String, Object> container : containers(deployment)) {
					for (Object variable : list(container.get("env"), "env")) {
						Object configMapRef = at(variable, "valueFrom", "configMapKeyRef");
						if (configMapRef != null) {
							references++;
							assertReferenceResolves(configMaps, configMapRef, "ConfigMap", overlay);
						}
						Object secretRef = at(variable, "valueFrom", "secretKeyRef");
						if (secretRef != null) {
							references++;
							assertReferenceResolves(secrets, secretRef, "Secret", overlay);
						}
					}
					for (Object source : list(container.get("envFrom"), "envFrom")) {
						if (at(source, "configMapRef", "name") != null) {
							assertThat(configMaps).containsKey(text(at(source, "configMapRef", "name")));
						}
						if (at(source, "secretRef", "name") != null) {
							assertThat(secrets).containsKey(text(at(source, "secretRef", "name")));
						}
					}
				}
			}
			assertThat(references).as("the deployments refer to ConfigMap and Secret keys").isPositive();
		}
	}

	@Test
	void no_secret_value_is_committed_except_labelled_example_literals() throws IOException {
		for (Map<String, Object> secret : objects(Repository.k8s(), "Secret")) {
			assertThat(secret).as("Secret %s committed with values", name(secret))
				.doesNotContainKeys("data", "stringData");
		}
		for (Path kustomization : kustomizations()) {
			Map<String, Object> document = Repository.loadOne(kustomization);
			for (Object generator : list(document.get("secretGenerator"), "secretGenerator")) {
				for (Object literal : list(at(generator, "literals"), "literals")) {
					String key = String.valueOf(literal).split("=", 2)[0];
					String value = String.valueOf(literal).split("=", 2)[1];
					if (key.contains("password") || key.contains("secret") || key.contains("token")) {
						assertThat(value).as("%s in %s is marked as an example", key, kustomization)
							.containsIgnoringCase("example");
					}
				}
			}
			if (list(document.get("secretGenerator"), "secretGenerator").size() > 0) {
				assertThat(Files.readString(kustomization)).as("%s says its secrets are examples", kustomization)
					.containsIgnoringCase("example values only");
			}
		}
	}

	@Test
	void every_service_selector_matches_a_deployments_pod_labels_and_port() {
		List<Map<String, Object>> services = objects(Repository.k8s(), "Service");
		assertThat(services).isNotEmpty();
		List<Map<String, Object>> deployments = objects(Repository.k8s(), "Deployment");
		for (Map<String, Object> service : services) {
			Map<String, Object> selector = mapOrEmpty(at(service, "spec", "selector"), "selector");
			assertThat(selector).as("selector of Service %s", name(service)).isNotEmpty();
			List<Map<String, Object>> selected = deployments.stream()
				.filter((deployment) -> podLabels(deployment).entrySet().containsAll(selector.entrySet()))
				.toList();
			assertThat(selected).as("Deployments selected by Service %s", name(service)).hasSize(1);
			Set<String> containerPorts = new HashSet<>();
			containers(selected.get(0)).forEach((container) -> containerPorts.addAll(containerPorts(container)));
			for (Object port : list(at(service, "spec", "ports"), "ports")) {
				Object target = (at(port, "targetPort") != null) ? at(port, "targetPort") : at(port, "port");
				assertThat(containerPorts).as("targetPort of Service %s", name(service))
					.contains(String.valueOf(target));
			}
		}
	}

	@Test
	void every_pod_disruption_budget_selects_a_deployment_with_room_to_spare() {
		List<Map<String, Object>> deployments = objects(Repository.k8s(), "Deployment");
		for (Map<String, Object> budget : objects(Repository.k8s(), "PodDisruptionBudget")) {
			Map<String, Object> selector = mapOrEmpty(at(budget, "spec", "selector", "matchLabels"), "selector");
			Map<String, Object> selected = deployments.stream()
				.filter((deployment) -> !selector.isEmpty()
						&& podLabels(deployment).entrySet().containsAll(selector.entrySet()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("PodDisruptionBudget " + name(budget) + " selects nothing"));
			Object minAvailable = at(budget, "spec", "minAvailable");
			if (minAvailable instanceof Integer minimum) {
				assertThat(minimum).as("minAvailable of %s lets one pod go", name(budget))
					.isLessThan((Integer) at(selected, "spec", "replicas"));
			}
		}
	}

	@Test
	void the_example_overlay_has_a_cloudnativepg_cluster_behind_the_jdbc_url() {
		Path example = OVERLAYS.resolve("example");
		List<Map<String, Object>> clusters = objects(example, "Cluster");
		assertThat(clusters).hasSize(1);
		Map<String, Object> cluster = clusters.get(0);
		assertThat(text(cluster.get("apiVersion"))).startsWith("postgresql.cnpg.io/");
		assertThat((Integer) at(cluster, "spec", "instances")).isGreaterThanOrEqualTo(2);
		String secret = text(at(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
		assertThat(definedKeys(List.of(example), "Secret", "secretGenerator")).containsKey(secret);
		String databaseUrl = patches.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(example))
			.flatMap((entry) -> entry.getValue().stream())
			.filter((patch) -> "ConfigMap".equals(patch.get("kind")))
			.map((configMap) -> text(at(configMap, "data", "database.url")))
			.filter((url) -> url != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the overlay sets no database.url"));
		assertThat(databaseUrl).startsWith("jdbc:postgresql://" + name(cluster) + "-rw")
			.endsWith("/" + at(cluster, "spec", "bootstrap", "initdb", "database"));
	}

	private static void assertReferenceResolves(Map<String, Set<String>> defined, Object reference, String kind,
			Path overlay) {
		String name = text(at(reference, "name"));
		String key = text(at(reference, "key"));
		assertThat(defined).as("%s %s (with overlay %s)", kind, name, overlay.getFileName()).containsKey(name);
		assertThat(defined.get(name)).as("keys of %s %s", kind, name).contains(key);
	}

	/**
	 * Names and keys of the ConfigMaps or Secrets defined as objects or generated in the
	 * given directories.
	 */
	private static Map<String, Set<String>> definedKeys(List<Path> directories, String kind, String generatorKind) {
		Map<String, Set<String>> defined = new HashMap<>();
		for (Path directory : directories) {
			for (Map<String, Object> object : objects(directory, kind)) {
				Set<String> keys = defined.computeIfAbsent(name(object), (name) -> new HashSet<>());
				keys.addAll(mapOrEmpty(object.get("data"), "data").keySet());
				keys.addAll(mapOrEmpty(object.get("stringData"), "stringData").keySet());
			}
			Path kustomization = directory.resolve("kustomization.yaml");
			for (Object generator : list(Repository.loadOne(kustomization).get(generatorKind), generatorKind)) {
				Set<String> keys = defined.computeIfAbsent(text(at(generator, "name")), (name) -> new HashSet<>());
				list(at(generator, "literals"), "literals")
					.forEach((literal) -> keys.add(String.valueOf(literal).split("=", 2)[0]));
				list(at(generator, "files"), "files").forEach((file) -> {
					String entry = String.valueOf(file);
					keys.add(entry.contains("=") ? entry.split("=", 2)[0] : Path.of(entry).getFileName().toString());
				});
			}
		}
		return defined;
	}

	private static List<Path> overlays() {
		try (Stream<Path> directories = Files.list(OVERLAYS)) {
			return directories.filter((directory) -> Files.isRegularFile(directory.resolve("kustomization.yaml")))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Path> kustomizations() {
		return Repository.yamlFilesUnder(Repository.k8s())
			.stream()
			.filter((file) -> file.getFileName().toString().equals("kustomization.yaml"))
			.toList();
	}

	/** Objects of a kind in the files directly inside (or below) a directory. */
	private static List<Map<String, Object>> objects(Path directory, String kind) {
		List<Map<String, Object>> objects = new ArrayList<>();
		manifests.forEach((file, documents) -> {
			if (file.startsWith(directory)) {
				documents.stream().filter((document) -> kind.equals(document.get("kind"))).forEach(objects::add);
			}
		});
		return objects;
	}

	private static String name(Map<String, Object> object) {
		return text(at(object, "metadata", "name"));
	}

	private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
		List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"), "containers");
		if (containers.isEmpty()) {
			throw new AssertionError("Deployment " + name(deployment) + " has no containers");
		}
		return containers.stream().map((container) -> map(container, "container")).toList();
	}

	private static Map<String, Object> podLabels(Map<String, Object> deployment) {
		return mapOrEmpty(at(deployment, "spec", "template", "metadata", "labels"), "pod labels");
	}

	/** A container's ports, by name and by number, as text. */
	private static Set<String> containerPorts(Map<String, Object> container) {
		Set<String> ports = new HashSet<>();
		for (Object port : list(container.get("ports"), "ports")) {
			ports.add(String.valueOf(at(port, "containerPort")));
			if (at(port, "name") != null) {
				ports.add(text(at(port, "name")));
			}
		}
		return ports;
	}

}
