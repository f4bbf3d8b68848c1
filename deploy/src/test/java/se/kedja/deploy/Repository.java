package se.kedja.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository under test: where its files are, and how to read its YAML and POMs.
 */
final class Repository {

	/** The documented services: name, port and database schema. */
	record Service(String name, int port, String schema) {
	}

	static final List<Service> SERVICES = List.of(new Service("case-service", 8081, "cases"),
			new Service("progress-service", 8082, "progress"), new Service("audit-service", 8083, "audit"));

	/** The documented Kafka topics and their partition counts. */
	static final Map<String, Integer> TOPIC_PARTITIONS = Map.of("kedja.case-events", 12, "kedja.project-events", 3,
			"kedja.case-events.dlt", 3);

	/** Environment every service needs, in compose and on Kubernetes. */
	static final List<String> REQUIRED_ENVIRONMENT = List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
			"SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_DEFAULT_SCHEMA", "SPRING_FLYWAY_SCHEMAS",
			"SPRING_KAFKA_BOOTSTRAP_SERVERS", "SERVER_PORT", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");

	static final String LIVENESS_PATH = "/actuator/health/liveness";

	static final String READINESS_PATH = "/actuator/health/readiness";

	private Repository() {
	}

	static Path root() {
		String configured = System.getProperty("kedja.repository.root");
		Path root = (configured != null) ? Path.of(configured) : Path.of("..");
		return root.toAbsolutePath().normalize();
	}

	static Path file(String relative) {
		return root().resolve(relative);
	}

	static Path k8s() {
		return file("deploy/k8s");
	}

	static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	static Map<String, Object> loadOne(Path path) {
		try (Reader reader = Files.newBufferedReader(path)) {
			Object loaded = yaml().load(reader);
			return map(loaded, path.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

	/** Every non-empty document of a (multi-document) YAML file. */
	static List<Map<String, Object>> loadAll(Path path) {
		try (Reader reader = Files.newBufferedReader(path)) {
			return documents(yaml().loadAll(reader), path.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

	static List<Map<String, Object>> loadAll(String text) {
		return documents(yaml().loadAll(text), "YAML text");
	}

	private static List<Map<String, Object>> documents(Iterable<Object> loaded, String source) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : loaded) {
			if (document != null) {
				documents.add(map(document, source));
			}
		}
		return documents;
	}

	static List<Path> yamlFilesUnder(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + directory, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value, String what) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new AssertionError(what + " is not a mapping: " + value);
		}
		return (Map<String, Object>) map;
	}

	static Map<String, Object> mapOrEmpty(Object value, String what) {
		return (value != null) ? map(value, what) : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value, String what) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new AssertionError(what + " is not a list: " + value);
		}
		return (List<Object>) list;
	}

	/** Follows a path of keys through nested mappings; null when a step is missing. */
	static Object at(Object root, String... keys) {
		Object current = root;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static String text(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	/** The text of a direct child element of a POM's {@code <project>}, or null. */
	static String pomElement(Path pom, String name) {
		return pomChild(pom, name, null);
	}

	/** The text of {@code <project><build><finalName>}, or null. */
	static String pomFinalName(Path pom) {
		return pomChild(pom, "finalName", "build");
	}

	private static String pomChild(Path pom, String name, String parent) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
			Element container = (parent != null) ? child(project, parent) : project;
			Element element = (container != null) ? child(container, name) : null;
			return (element != null) ? element.getTextContent().trim() : null;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot parse " + pom, ex);
		}
	}

	private static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getTagName())) {
				return element;
			}
		}
		return null;
	}

}
