package com.insprl.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlRuntimeHints}.
 */
class InsprlRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void theRegistrarIsFoundByAot() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(InsprlRuntimeHints.class::isInstance);
	}

	@Test
	void propertiesCanBeBoundByReflection() {
		new InsprlRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(InsprlProperties.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(InsprlProperties.class, "setClientKey"))
			.accepts(this.hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(InsprlProperties.Retry.class, "setMaxAttempts"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(InsprlProperties.Ssl.class, "setBundle"))
			.accepts(this.hints);
	}

	@Test
	void theFailureAnalyzerCanBeCreatedFromSpringFactories() {
		new InsprlRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(SecretPropertyFailureAnalyzer.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
	}

}
