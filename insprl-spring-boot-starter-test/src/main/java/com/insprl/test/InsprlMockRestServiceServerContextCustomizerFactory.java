package com.insprl.test;

import java.util.List;

import com.insprl.autoconfigure.InsprlClientBuilderCustomizer;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlClientBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.util.Assert;
import org.springframework.web.client.RestTemplate;

/**
 * Binds a {@link MockRestServiceServer} to the insprl client of each application context
 * of a test class annotated with {@link AutoConfigureInsprlMockRestServiceServer},
 * through an {@link InsprlClientBuilderCustomizer}, and offers it as the bean
 * {@value #SERVER_BEAN_NAME}: a fallback bean, so that Spring Boot's own
 * {@code MockRestServiceServer}, when the test has one, is still the one injected by
 * type. The beans are registered once the configuration classes are read, so that Spring
 * Boot's, which stands back for a {@code MockRestServiceServer} bean the application
 * already has (as on Spring Boot 4.1), never stands back for this one.
 */
class InsprlMockRestServiceServerContextCustomizerFactory implements ContextCustomizerFactory {

	static final String SERVER_BEAN_NAME = "insprlMockRestServiceServer";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureInsprlMockRestServiceServer.class)
				? new Customizer() : null;
	}

	static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.addBeanFactoryPostProcessor(Customizer::register);
		}

		private static void register(ConfigurableListableBeanFactory beanFactory) {
			Binding binding = new Binding();
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			registry.registerBeanDefinition("insprlMockRestServiceServerBinding",
					new RootBeanDefinition(InsprlClientBuilderCustomizer.class, () -> binding));
			RootBeanDefinition server = new RootBeanDefinition(MockRestServiceServer.class, () -> {
				// the server is bound when the client is built
				beanFactory.getBean(InsprlClient.class);
				return binding.server();
			});
			server.setFallback(true);
			registry.registerBeanDefinition(SERVER_BEAN_NAME, server);
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

	/**
	 * Puts the server's request factory in place of the insprl client's transport: the
	 * server stands in for the network, under the client's interceptors, and receives
	 * each request as insprl would, the key included. The server is bound to a
	 * {@code RestTemplate} of its own, the one public way to reach its request factory.
	 */
	static final class Binding implements InsprlClientBuilderCustomizer {

		private final RestTemplate restTemplate = new RestTemplate();

		private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.restTemplate).build();

		private volatile boolean bound;

		@Override
		public void customize(InsprlClientBuilder builder) {
			builder.requestFactory(this.restTemplate.getRequestFactory());
			this.bound = true;
		}

		MockRestServiceServer server() {
			Assert.state(this.bound, "No insprl client was built in this application context, so no "
					+ "MockRestServiceServer is bound to one: is the starter enabled (insprl.enabled)?");
			return this.server;
		}

	}

}
