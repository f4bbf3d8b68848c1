package se.kedja.cases.participant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CaseDomainArchitectureTest {

	private final JavaClasses domain = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("se.kedja.cases.participant", "se.kedja.cases.project");

	@Test
	void the_case_and_project_domain_knows_nothing_of_web_database_kafka_or_its_own_adapters() {
		noClasses().that()
			.resideInAnyPackage("se.kedja.cases.participant", "se.kedja.cases.participant.command",
					"se.kedja.cases.project", "se.kedja.cases.project.command")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..", "java.sql..",
					"org.apache.kafka..", "org.springframework.kafka..", "se.kedja.cases.config..",
					"se.kedja.cases..web..", "se.kedja.cases..query..", "se.kedja.cases.personaldata..",
					"se.kedja.cases.publishing..", "se.kedja.cases.project.definition..")
			.check(this.domain);
	}

}
