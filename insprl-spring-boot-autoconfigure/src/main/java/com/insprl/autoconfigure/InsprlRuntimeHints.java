package com.insprl.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * What the starter reaches by reflection, for Spring AOT and native images: its
 * configuration properties (bound by Spring Boot), its failure analyzer (created from
 * {@code spring.factories}), and the JDK client it shuts down on Java 21 and later (the
 * {@code httpClient} of Spring's request factory, and its {@code shutdownNow}).
 */
class InsprlRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(InsprlProperties.class).registerHints(hints, classLoader);
		hints.reflection()
			.registerType(InvalidInsprlPropertyFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		hints.reflection()
			.registerTypeIfPresent(classLoader, "org.springframework.http.client.JdkClientHttpRequestFactory",
					MemberCategory.ACCESS_DECLARED_FIELDS)
			.registerTypeIfPresent(classLoader, "java.net.http.HttpClient", MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
