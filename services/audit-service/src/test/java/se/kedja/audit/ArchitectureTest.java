package se.kedja.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("se.kedja.audit");

	@Test
	void the_replay_fold_and_the_chain_checks_know_nothing_of_web_jdbc_or_kafka() {
		noClasses().that()
			.haveSimpleNameStartingWith("CaseReplay")
			.or()
			.haveSimpleName("CaseState")
			.or()
			.haveSimpleName("Corrections")
			.or()
			.haveSimpleName("ChainVerification")
			.or()
			.haveSimpleName("CheckpointComparison")
			.or()
			.haveSimpleName("MerkleTree")
			.or()
			.haveSimpleName("OfflineVerifier")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "org.apache.kafka..", "jakarta.servlet..")
			.check(classes);
	}

	@Test
	void only_intake_touches_kafka() {
		noClasses().that()
			.resideOutsideOfPackages("se.kedja.audit.intake..", "se.kedja.audit.config..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(classes);
	}

}
