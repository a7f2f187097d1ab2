package com.insprl.test;

import java.util.List;

import com.insprl.autoconfigure.InsprlConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts an {@link InsprlStub} for each application context of a test class annotated
 * with {@link AutoConfigureInsprlStub}, provides its {@link InsprlConnectionDetails} (the
 * stand-in's base URL and the test credentials, primary over any the application has),
 * and stops it with the context.
 */
class InsprlStubContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureInsprlStub.class)
				? new InsprlStubContextCustomizer() : null;
	}

	static final class InsprlStubContextCustomizer implements ContextCustomizer {

		static final String CONNECTION_DETAILS_BEAN_NAME = "insprlStubConnectionDetails";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			InsprlStub stub = InsprlStub.start();
			RootBeanDefinition details = new RootBeanDefinition(InsprlConnectionDetails.class,
					() -> new StubConnectionDetails(stub.baseUrl()));
			// over the application's own connection details, as over its properties
			details.setPrimary(true);
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME,
					details);
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

		/**
		 * The stand-in's account: its base URL and the test credentials.
		 */
		private static final class StubConnectionDetails implements InsprlConnectionDetails {

			private final String baseUrl;

			StubConnectionDetails(String baseUrl) {
				this.baseUrl = baseUrl;
			}

			@Override
			public String getBaseUrl() {
				return this.baseUrl;
			}

			@Override
			public String getClientId() {
				return InsprlStub.CLIENT_ID;
			}

			@Override
			public String getClientKey() {
				return InsprlStub.CLIENT_KEY;
			}

			@Override
			public String toString() {
				return "StubConnectionDetails[baseUrl=" + this.baseUrl + ", clientId=" + InsprlStub.CLIENT_ID + "]";
			}

		}

	}

}
