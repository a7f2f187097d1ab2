package com.insprl.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts an {@link InsprlStub} for each application context of a test class annotated
 * with {@link AutoConfigureInsprlStub}, and stops it with the context.
 */
class InsprlStubContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureInsprlStub.class)
				? new InsprlStubContextCustomizer() : null;
	}

	static final class InsprlStubContextCustomizer implements ContextCustomizer {

		static final String PROPERTY_SOURCE_NAME = "insprlStub";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			InsprlStub stub = InsprlStub.start();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("insprl.base-url", stub.baseUrl(),
						"insprl.client-id", InsprlStub.CLIENT_ID, "insprl.client-key", InsprlStub.CLIENT_KEY)));
			context.getBeanFactory().registerSingleton("insprlStub", stub);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
				if (event.getApplicationContext() == context) {
					stub.close();
				}
			});
		}

		@Override
		public boolean equals(Object other) {
			return other != null && getClass() == other.getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
