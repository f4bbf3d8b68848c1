package se.kedja.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class SharedEventsArchitectureTest {

	private final JavaClasses published = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("se.kedja.events");

	@Test
	void the_published_language_depends_only_on_the_jdk_jackson_the_kafka_serde_and_jspecify() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "tools.jackson..", "org.apache.kafka.common.serialization..",
					"org.apache.kafka.common.header..", "org.jspecify..", "se.kedja.events..")
			.check(this.published);
	}

}
