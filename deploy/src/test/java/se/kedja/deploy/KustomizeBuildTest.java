package se.kedja.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.kedja.deploy.Repository.at;
import static se.kedja.deploy.Repository.list;
import static se.kedja.deploy.Repository.text;

/**
 * Renders the base and the example overlay with kustomize (the one built into
 * {@code kubectl}, or a standalone {@code kustomize}) and checks the result. Skipped, not
 * failed, where neither is on the PATH: {@link KubernetesManifestsTest} still checks the
 * files' structure then.
 */
class KustomizeBuildTest {

	@Test
	void kustomize_renders_the_base() throws Exception {
		List<Map<String, Object>> rendered = render(Repository.k8s().resolve("base"));
		assertThat(kinds(rendered)).contains("ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "KafkaTopic");
		assertThat(rendered.stream().filter((object) -> "Deployment".equals(object.get("kind"))))
			.hasSize(Repository.SERVICES.size());
	}

	@Test
	void kustomize_renders_the_example_overlay_into_one_namespace_with_every_reference_resolved() throws Exception {
		List<Map<String, Object>> rendered = render(Repository.k8s().resolve("overlays/example"));
		assertThat(kinds(rendered)).contains("Namespace", "Secret", "Cluster", "KafkaTopic", "Deployment");
		for (Map<String, Object> object : rendered) {
			if (!"Namespace".equals(object.get("kind"))) {
				assertThat(at(object, "metadata", "namespace"))
					.as("namespace of %s %s", object.get("kind"), at(object, "metadata", "name"))
					.isEqualTo("kedja");
			}
		}
		Set<String> secrets = names(rendered, "Secret");
		Set<String> configMaps = names(rendered, "ConfigMap");
		int references = 0;
		for (Map<String, Object> deployment : rendered) {
			if (!"Deployment".equals(deployment.get("kind"))) {
				continue;
			}
			for (Object container : list(at(deployment, "spec", "template", "spec", "containers"), "containers")) {
				assertThat(text(at(container, "image"))).as("image of %s", at(deployment, "metadata", "name"))
					.startsWith("registry.example.com/kedja/");
				for (Object variable : list(at(container, "env"), "env")) {
					Object secret = at(variable, "valueFrom", "secretKeyRef", "name");
					Object configMap = at(variable, "valueFrom", "configMapKeyRef", "name");
					if (secret != null) {
						references++;
						assertThat(secrets).contains(text(secret));
					}
					if (configMap != null) {
						references++;
						assertThat(configMaps).contains(text(configMap));
					}
				}
			}
		}
		assertThat(references).isPositive();
		String cnpgSecret = rendered.stream()
			.filter((object) -> "Cluster".equals(object.get("kind")))
			.map((cluster) -> text(at(cluster, "spec", "bootstrap", "initdb", "secret", "name")))
			.findFirst()
			.orElseThrow();
		assertThat(secrets).contains(cnpgSecret);
		assertThat(rendered.stream()
			.filter((object) -> "ConfigMap".equals(object.get("kind")))
			.map((configMap) -> text(at(configMap, "data", "database.url"))))
			.containsExactly("jdbc:postgresql://kedja-db-rw.kedja.svc:5432/kedja");
	}

	private static List<Map<String, Object>> render(Path directory) throws IOException, InterruptedException {
		Optional<List<String>> command = kustomizeCommand();
		assumeTrue(command.isPresent(), "neither kubectl nor kustomize is on the PATH");
		List<String> arguments = new ArrayList<>(command.get());
		arguments.add(directory.toString());
		Path output = Files.createTempFile("kustomize", ".yaml");
		Path errors = Files.createTempFile("kustomize", ".err");
		try {
			Process process = new ProcessBuilder(arguments).redirectOutput(output.toFile())
				.redirectError(errors.toFile())
				.start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished in time", arguments).isTrue();
			assertThat(process.exitValue())
				.as("%s exit code; stderr: %s", arguments, Files.readString(errors, StandardCharsets.UTF_8))
				.isZero();
			return Repository.loadAll(Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
			Files.deleteIfExists(errors);
		}
	}

	private static Optional<List<String>> kustomizeCommand() {
		if (executable("kustomize").isPresent()) {
			return Optional.of(List.of(executable("kustomize").get().toString(), "build"));
		}
		return executable("kubectl").map((kubectl) -> List.of(kubectl.toString(), "kustomize"));
	}

	private static Optional<Path> executable(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static Set<String> kinds(List<Map<String, Object>> objects) {
		Set<String> kinds = new HashSet<>();
		objects.forEach((object) -> kinds.add(text(object.get("kind"))));
		return kinds;
	}

	private static Set<String> names(List<Map<String, Object>> objects, String kind) {
		Set<String> names = new HashSet<>();
		objects.stream()
			.filter((object) -> kind.equals(object.get("kind")))
			.forEach((object) -> names.add(text(at(object, "metadata", "name"))));
		return names;
	}

}
