package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;

import com.insprl.client.InsprlCallListener;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlClientBuilder;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.whatsapp.InsprlWhatsAppService;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the insprl API: the account's {@link InsprlConnectionDetails}
 * (from the {@code insprl.*} properties unless the application defines its own), an
 * {@link InsprlHttpTransport} on the HTTP client library Spring Boot picks, an
 * {@link InsprlClient} built on it the way Spring Boot builds its
 * {@code RestClient.Builder} (and observed in the application's
 * {@link ObservationRegistry}), and an {@link InsprlWhatsAppService} on top of the
 * client; with the rate limit ({@code insprl.rate-limit.*}), the health indicator and the
 * {@code insprl} actuator endpoint when they are enabled. The application's
 * {@link RestClientCustomizer}s apply to the insprl client (but for the test support that
 * binds a {@code MockRestServiceServer}), then its
 * {@link InsprlClientBuilderCustomizer}s.
 */
@AutoConfiguration(after = { RestClientAutoConfiguration.class, SslAutoConfiguration.class },
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "insprl.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InsprlProperties.class)
@Import({ InsprlRateLimitConfiguration.class, InsprlHealthConfiguration.class, InsprlEndpointConfiguration.class,
		InsprlEmailConfiguration.class })
public final class InsprlAutoConfiguration {

	/**
	 * The name of an {@code Executor} bean of the application's that bulk logouts run on,
	 * in place of the one the auto-configuration builds.
	 */
	public static final String BULK_EXECUTOR_BEAN_NAME = "insprlBulkExecutor";

	private static final String BULK_THREAD_PREFIX = "insprl-bulk-";

	private static final String MOCK_SERVER_CUSTOMIZER = "org.springframework.boot.restclient.test."
			+ "MockServerRestClientCustomizer";

	@Bean
	@ConditionalOnMissingBean
	InsprlHttpTransport insprlHttpTransport(InsprlProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ResourceLoader resourceLoader) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
		String bundle = properties.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			settings = settings.withSslBundle(sslBundle(bundle, sslBundles.getIfAvailable()));
		}
		ClientHttpRequestFactoryBuilder<?> library = requestFactoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		HttpClientSettings configured = settings;
		return PropertyChecks.get("insprl.max-connections", properties.getMaxConnections(),
				(max) -> InsprlHttpTransport.create(library, configured, max));
	}

	private static SslBundle sslBundle(String name, @Nullable SslBundles sslBundles) {
		if (sslBundles == null) {
			throw PropertyChecks.invalid("insprl.ssl.bundle", name,
					"names an SSL bundle, but the application defines no SSL bundles (spring.ssl.bundle.*)");
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw PropertyChecks.invalid("insprl.ssl.bundle", name,
					"names an SSL bundle that is not defined: define it under spring.ssl.bundle.pem." + name
							+ " (or .jks)");
		}
	}

	@Bean
	@ConditionalOnMissingBean(InsprlConnectionDetails.class)
	PropertiesInsprlConnectionDetails insprlConnectionDetails(InsprlProperties properties) {
		return new PropertiesInsprlConnectionDetails(properties);
	}

	@Bean
	InsprlCallListeners insprlCallListeners(ObjectProvider<InsprlCallListener> listeners) {
		return new InsprlCallListeners(listeners);
	}

	@Bean
	@ConditionalOnMissingBean
	InsprlClient insprlClient(InsprlProperties properties, InsprlConnectionDetails connectionDetails,
			InsprlHttpTransport insprlHttpTransport, ObjectProvider<RestClientCustomizer> restClientCustomizers,
			InsprlCallListeners listeners, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<InsprlObservationConvention> observationConvention,
			ObjectProvider<InsprlRateLimiter> rateLimiter, ObjectProvider<InsprlClientBuilderCustomizer> customizers) {
		InsprlClientBuilder builder = InsprlClient.builder().transport(insprlHttpTransport).listener(listeners::tell);
		new InsprlClientConfigurer(properties, connectionDetails).configure(builder);
		restClientCustomizers.orderedStream()
			.filter((customizer) -> !bindsMockServer(customizer))
			.forEach(builder::customizer);
		observationRegistry
			.ifAvailable((registry) -> builder.observations(registry, observationConvention.getIfAvailable()));
		rateLimiter.ifAvailable((limiter) -> PropertyChecks
			.to("insprl.rate-limit.max-wait", (Duration maxWait) -> builder.rateLimiter(limiter, maxWait))
			.accept(properties.getRateLimit().getMaxWait()));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * Return whether a customizer is Spring Boot's test support for
	 * {@code MockRestServiceServer}, which binds one server to each builder it customizes
	 * and whose {@code MockRestServiceServer} bean refuses to work once it is bound to
	 * more than one: the application's own client keeps it to itself. A test that wants a
	 * {@code MockRestServiceServer} for insprl calls binds one with an
	 * {@link InsprlClientBuilderCustomizer} (the test starter's
	 * {@code @AutoConfigureInsprlMockRestServiceServer} does).
	 * @param customizer a customizer of the application's
	 * @return {@code true} if the insprl client leaves it out
	 */
	static boolean bindsMockServer(RestClientCustomizer customizer) {
		for (Class<?> type = customizer.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(MOCK_SERVER_CUSTOMIZER)) {
				return true;
			}
		}
		return false;
	}

	@Bean
	@ConditionalOnMissingBean
	InsprlWhatsAppService insprlWhatsAppService(InsprlClient insprlClient, InsprlProperties properties,
			@Qualifier(BULK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> bulkExecutor,
			ObjectProvider<SimpleAsyncTaskExecutorBuilder> taskExecutorBuilder, Environment environment) {
		Executor executor = bulkExecutor.getIfAvailable(() -> bulkExecutor(taskExecutorBuilder, environment));
		InsprlProperties.Whatsapp whatsapp = properties.getWhatsapp();
		return PropertyChecks.get("insprl.whatsapp.bulk-concurrency", whatsapp.getBulkConcurrency(),
				(concurrency) -> new InsprlWhatsAppService(insprlClient, whatsapp.getInstanceId(), concurrency,
						executor));
	}

	/**
	 * The executor a bulk logout runs on unless the application defines one named
	 * {@value #BULK_EXECUTOR_BEAN_NAME}: built the way Spring Boot builds its task
	 * executors (with its builder when task execution is auto-configured, so the
	 * application's task decorator and {@code spring.task.execution.simple.*} apply), on
	 * virtual threads when {@code spring.threads.virtual.enabled} is set on Java 21 or
	 * later. It is not a bean, so that Spring Boot's own application task executor is not
	 * displaced.
	 * @param taskExecutorBuilder the builder of Spring Boot's task execution, when it is
	 * auto-configured
	 * @param environment the environment, to read {@code spring.threads.virtual.enabled}
	 * @return the executor
	 */
	private static Executor bulkExecutor(ObjectProvider<SimpleAsyncTaskExecutorBuilder> taskExecutorBuilder,
			Environment environment) {
		boolean virtual = Threading.VIRTUAL.isActive(environment);
		SimpleAsyncTaskExecutorBuilder builder = taskExecutorBuilder
			.getIfAvailable(() -> new SimpleAsyncTaskExecutorBuilder().virtualThreads(virtual));
		return builder.threadNamePrefix(BULK_THREAD_PREFIX).build();
	}

	/**
	 * The {@code insprl} info contribution, off unless the application sets
	 * {@code management.info.insprl.enabled}: it shows versions an operator may not want
	 * to publish, as Spring Boot's own {@code java} and {@code os} contributors do.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
	@ConditionalOnEnabledInfoContributor(value = "insprl", fallback = InfoContributorFallback.DISABLE)
	static class InfoConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "insprlInfoContributor")
		InfoContributor insprlInfoContributor(InsprlHttpTransport insprlHttpTransport,
				ObjectProvider<InsprlRateLimiter> rateLimiter) {
			return new InsprlInfoContributor(insprlHttpTransport, rateLimiter.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		SanitizingFunction insprlClientKeySanitizingFunction(InsprlConnectionDetails connectionDetails) {
			SanitizingFunction byName = SanitizingFunction.sanitizeValue()
				.ifKeyMatches(ActuatorSanitizingConfiguration::namesClientKey);
			String key = connectionDetails.getClientKey();
			return StringUtils.hasText(key) ? byName.ifValueStringMatches((value) -> value.contains(key)) : byName;
		}

		/**
		 * Return whether a property is named like the client key:
		 * {@code insprl.client-key}, {@code INSPRL_CLIENT_KEY}, {@code clientKey}.
		 * @param name the property's name
		 * @return {@code true} if its value is masked
		 */
		private static boolean namesClientKey(String name) {
			String normalized = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
			return normalized.equals("insprlclientkey") || normalized.equals("clientkey");
		}

	}

}
