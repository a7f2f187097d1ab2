package com.insprl.test;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test starter's public API, and what it imports of the starter, as the autoconfigure
 * module's {@code ArchitectureTests} check the rest: only the listed types are public,
 * and nothing of the starter's {@code internal} packages is used.
 */
class TestStarterArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.insprl.test");

	private static final Set<String> PUBLIC_API = Set.of(AutoConfigureInsprlStub.class.getName(),
			AutoConfigureInsprlMockRestServiceServer.class.getName(), InsprlStub.class.getName(),
			SentRequest.class.getName(), StubAnswers.class.getName(), EmailStub.class.getName(),
			SentEmail.class.getName());

	@Test
	void onlyTheListedTypesArePublic() {
		assertThat(MAIN).as("the test starter's classes").isNotEmpty();
		classes().that()
			.areTopLevelClasses()
			.and()
			.arePublic()
			.should()
			.haveNameMatching(String.join("|", PUBLIC_API.stream().map((name) -> name.replace(".", "\\.")).toList()))
			.check(MAIN);
	}

	@Test
	void nothingOfTheStartersInternalPackagesIsUsed() {
		noClasses().should().dependOnClassesThat().resideInAPackage("com.insprl..internal..").check(MAIN);
	}

}
