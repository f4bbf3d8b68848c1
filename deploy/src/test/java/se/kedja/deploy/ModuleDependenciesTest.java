package se.kedja.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No service module depends on another: they meet only through the topics, the events in
 * shared-events and each other's HTTP APIs. A test-scoped {@code pom} dependency is
 * allowed, since it only orders the build (web's browser tests start the services' jars).
 */
class ModuleDependenciesTest {

	static final List<String> SERVICE_MODULES = List.of("case-service", "progress-service", "audit-service", "identity",
			"web");

	@Test
	void no_service_module_depends_on_another_service_module() throws Exception {
		List<String> violations = new ArrayList<>();
		for (String module : SERVICE_MODULES) {
			Path pom = Repository.file("services/" + module + "/pom.xml");
			Element project = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(pom.toFile())
				.getDocumentElement();
			NodeList dependencies = project.getElementsByTagName("dependency");
			for (int i = 0; i < dependencies.getLength(); i++) {
				Element dependency = (Element) dependencies.item(i);
				String artifact = childText(dependency, "artifactId");
				boolean buildOrderOnly = "test".equals(childText(dependency, "scope"))
						&& "pom".equals(childText(dependency, "type"));
				if (SERVICE_MODULES.contains(artifact) && !buildOrderOnly
						&& dependency.getParentNode().getParentNode() == project) {
					violations.add(module + " -> " + artifact);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	private static String childText(Element element, String name) {
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
				return child.getTextContent().trim();
			}
		}
		return "";
	}

}
