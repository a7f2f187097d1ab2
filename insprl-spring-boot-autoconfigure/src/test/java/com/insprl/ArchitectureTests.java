package com.insprl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering the README draws, the public API and the size of classes and packages, as
 * rules over the main code.
 * <p>
 * From the bottom up: the transport ({@code http}), the rate limits ({@code ratelimit})
 * and the observation types ({@code observation}) import nothing of the project; the
 * client ({@code client}) builds on them; the service ({@code whatsapp}) and the health
 * indicator ({@code health}) on the client; the auto-configuration on everything. A
 * package named {@code internal} holds what crosses a package without being API.
 */
class ArchitectureTests {

	/**
	 * The modules whose code is published: the auto-configuration and the test starter.
	 */
	private static final String[] PUBLISHED = { "insprl-spring-boot-autoconfigure", "insprl-spring-boot-starter-test" };

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.insprl");

	/**
	 * Every public type outside an internal package, by why a user needs it.
	 */
	private static final Map<String, Set<String>> PUBLIC_API = Map.of(
			"auto-configuration Spring Boot loads, and the properties it binds",
			Set.of("com.insprl.autoconfigure.InsprlAutoConfiguration", "com.insprl.autoconfigure.InsprlProperties",
					"com.insprl.autoconfigure.InsprlConnectionDetails",
					"com.insprl.autoconfigure.InsprlClientBuilderCustomizer"),
			"the service users autowire, and what it returns",
			Set.of("com.insprl.whatsapp.InsprlWhatsAppService", "com.insprl.whatsapp.LogoutResult",
					"com.insprl.whatsapp.BulkLogoutResult", "com.insprl.whatsapp.campaign.CampaignTracking",
					"com.insprl.whatsapp.campaign.CampaignTrackingRequest"),
			"the email service users autowire, what they send and what it returns",
			Set.of("com.insprl.email.InsprlEmailService", "com.insprl.email.EmailMessage",
					"com.insprl.email.EmailSendResult", "com.insprl.email.EmailBatchResult",
					"com.insprl.email.EmailVerification", "com.insprl.email.MailingSender"),
			"the low-level client users build or call, and what it returns",
			Set.of("com.insprl.client.InsprlClient", "com.insprl.client.InsprlClientBuilder",
					"com.insprl.client.InsprlCredentials", "com.insprl.client.InsprlCallOptions"),
			"the exceptions users catch",
			Set.of("com.insprl.client.InsprlException", "com.insprl.client.InsprlApiException",
					"com.insprl.client.InsprlAuthenticationException", "com.insprl.client.InsprlValidationException",
					"com.insprl.client.InsprlRateLimitException", "com.insprl.client.InsprlConnectionException",
					"com.insprl.client.InsprlAccountRestrictedException",
					"com.insprl.client.InsprlInsufficientBalanceException"),
			"what users implement or read to follow calls",
			Set.of("com.insprl.client.InsprlCallListener", "com.insprl.client.InsprlCallEvent",
					"com.insprl.observation.InsprlObservationConvention",
					"com.insprl.observation.InsprlObservationContext"),
			"the beans users replace with their own, and what they are made of",
			Set.of("com.insprl.http.InsprlHttpTransport", "com.insprl.ratelimit.InsprlRateLimiter"),
			"the test starter's API",
			Set.of("com.insprl.test.AutoConfigureInsprlStub", "com.insprl.test.InsprlStub",
					"com.insprl.test.SentRequest", "com.insprl.test.StubAnswers", "com.insprl.test.EmailStub",
					"com.insprl.test.SentEmail"));

	@Test
	void transportRateLimitsAndObservationImportNothingOfTheProject() {
		for (String base : List.of("http", "ratelimit", "observation")) {
			noClasses().that()
				.resideInAPackage("com.insprl." + base + "..")
				.should()
				.dependOnClassesThat(
						resideInAPackage("com.insprl..").and(resideOutsideOfPackage("com.insprl." + base + "..")))
				.check(MAIN);
		}
	}

	@Test
	void theClientImportsNeitherTheServiceNorTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("com.insprl.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.insprl.whatsapp..", "com.insprl.email..", "com.insprl.health..",
					"com.insprl.actuate..", "com.insprl.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void noImportRunsUpTheLayers() {
		// the test starter, where its classes are on the class path, stands at the top
		// beside the auto-configuration: it resets the client and the health indicator
		// between tests (its own module checks its public API:
		// TestStarterArchitectureTests)
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true)
			.layer("auto-configuration")
			.definedBy("com.insprl.autoconfigure..")
			.layer("service")
			.definedBy("com.insprl.whatsapp..", "com.insprl.email..", "com.insprl.health..", "com.insprl.actuate..")
			.layer("client")
			.definedBy("com.insprl.client..")
			.layer("foundation")
			.definedBy("com.insprl.http..", "com.insprl.ratelimit..", "com.insprl.observation..")
			.layer("test starter")
			.definedBy("com.insprl.test..")
			.whereLayer("auto-configuration")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("service")
			.mayOnlyBeAccessedByLayers("auto-configuration", "test starter")
			.whereLayer("client")
			.mayOnlyBeAccessedByLayers("service", "auto-configuration", "test starter")
			.whereLayer("foundation")
			.mayOnlyBeAccessedByLayers("client", "service", "auto-configuration", "test starter")
			.whereLayer("test starter")
			.mayNotBeAccessedByAnyLayer()
			.check(MAIN);
	}

	@Test
	void everyPackageIsNullMarked() {
		Set<String> packages = MAIN.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
		assertThat(packages).hasSizeGreaterThan(8)
			.allSatisfy(
					(name) -> assertThat(MAIN.getPackage(name).isAnnotatedWith(NullMarked.class)).as(name).isTrue());
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("com.insprl.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void onlyTheListedTypesArePublicOutsideInternalPackages() {
		Set<String> listed = PUBLIC_API.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
		classes().that()
			.areTopLevelClasses()
			.and()
			.resideOutsideOfPackage("..internal..")
			.and()
			.arePublic()
			.should(beIn(listed))
			.check(MAIN);
		assertThat(listed).filteredOn((name) -> !name.startsWith("com.insprl.test."))
			.as("every listed type of this module exists and is public")
			.allSatisfy((name) -> assertThat(
					MAIN.contain(name) && MAIN.get(name).getModifiers().contains(JavaModifier.PUBLIC))
				.as(name)
				.isTrue());
	}

	@Test
	void theApiHandsOutNoInternalType() {
		methods().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage("..internal..")
			.should(notUseInternalTypes())
			.check(MAIN);
	}

	@Test
	void noMainClassRunsOverTwoHundredFiftyLinesButTheProperties() {
		Map<Path, Long> lines = mainSourceLines(PUBLISHED[0], PUBLISHED[1], "sample-app", "benchmarks");
		assertThat(lines).isNotEmpty();
		lines.forEach((file, count) -> {
			if (!file.endsWith("InsprlProperties.java")) {
				assertThat(count).as("lines of %s", file).isLessThanOrEqualTo(250);
			}
		});
	}

	@Test
	void noPackageHoldsMoreThanAQuarterOfTheMainCode() {
		Map<Path, Long> lines = mainSourceLines(PUBLISHED);
		long total = lines.values().stream().mapToLong(Long::longValue).sum();
		Map<Path, Long> byPackage = new TreeMap<>();
		lines.forEach((file, count) -> byPackage.merge(file.getParent(), count, Long::sum));
		assertThat(byPackage).hasSizeGreaterThan(8);
		byPackage.forEach((pkg, count) -> assertThat(count * 4).as("%s holds %d of %d lines", pkg, count, total)
			.isLessThanOrEqualTo(total));
	}

	private static ArchCondition<JavaClass> beIn(Set<String> listed) {
		return new ArchCondition<>("be one of the types the public API lists") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean ok = listed.contains(type.getName());
				events.add(new SimpleConditionEvent(type, ok,
						type.getName() + " is public but not in the public API: make it package-private, move it "
								+ "to an internal package, or list it in ArchitectureTests with why users need it"));
			}

		};
	}

	private static ArchCondition<JavaMethod> notUseInternalTypes() {
		DescribedPredicate<JavaClass> internal = resideInAPackage("..internal..");
		return new ArchCondition<>("neither take nor return a type of an internal package") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				boolean ok = !internal.test(method.getRawReturnType())
						&& method.getRawParameterTypes().stream().noneMatch(internal);
				events.add(new SimpleConditionEvent(method, ok, method.getFullName() + " exposes an internal type"));
			}

		};
	}

	/**
	 * Return the lines of each main source file of the given modules, by its path below
	 * the source root, wherever this test runs from.
	 */
	private static Map<Path, Long> mainSourceLines(String... modules) {
		Map<Path, Long> lines = new LinkedHashMap<>();
		for (String module : modules) {
			Path root = Path.of("..", module, "src", "main", "java").toAbsolutePath().normalize();
			assertThat(root).as("main sources of %s", module).isDirectory();
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					try (Stream<String> content = Files.lines(file)) {
						lines.put(root.relativize(file), content.count());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return lines;
	}

}
