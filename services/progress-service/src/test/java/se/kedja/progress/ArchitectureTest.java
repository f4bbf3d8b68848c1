package se.kedja.progress;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("se.kedja.progress");

	@Test
	void the_goal_engine_imports_no_spring_jdbc_or_kafka() {
		noClasses().that()
			.resideInAPackage("se.kedja.progress.goals..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "org.apache.kafka..")
			.check(CLASSES);
	}

	@Test
	void the_participant_fold_imports_no_spring_jdbc_or_kafka() {
		noClasses().that()
			.haveSimpleNameStartingWith("Participant")
			.and()
			.resideInAPackage("se.kedja.progress.intake..")
			.and()
			.haveSimpleNameNotEndingWith("Store")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "org.apache.kafka..")
			.check(CLASSES);
	}

}
