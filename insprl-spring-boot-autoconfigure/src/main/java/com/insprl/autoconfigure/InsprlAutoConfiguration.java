package com.insprl.autoconfigure;

import com.insprl.client.InsprlCallListener;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlClientBuilder;
import com.insprl.whatsapp.InsprlWhatsAppService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the insprl API: an
 * {@link InsprlClient} built from Spring Boot's {@link RestClient.Builder} and an
 * {@link InsprlWhatsAppService} on top of it.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "insprl.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InsprlProperties.class)
public final class InsprlAutoConfiguration {

	@Bean
	InsprlHttpResources insprlHttpResources(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader,
			Environment environment) {
		return new InsprlHttpResources(
				requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), Threading.VIRTUAL.isActive(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	InsprlClient insprlClient(InsprlProperties properties, InsprlHttpResources httpResources,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<InsprlCallListener> listeners) {
		InsprlClientBuilder builder = InsprlClient.builder()
			.credentials(InsprlPropertiesValidator.credentials(properties))
			.retry(InsprlPropertiesValidator.retry(properties));
		InsprlPropertiesValidator.baseUrl(builder, properties);
		InsprlPropertiesValidator.timeouts(properties);
		builder.listener(new DeferredCallListeners(listeners));
		ClientHttpRequestFactory requestFactory = httpResources.requestFactory(properties.getConnectTimeout(),
				properties.getReadTimeout());
		return builder.restClientBuilder(restClientBuilder.getIfAvailable(RestClient::builder).requestFactory(requestFactory))
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	InsprlWhatsAppService insprlWhatsAppService(InsprlClient insprlClient, InsprlProperties properties) {
		return new InsprlWhatsAppService(insprlClient, properties.getWhatsapp().getInstanceId());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		SanitizingFunction insprlClientKeySanitizingFunction(InsprlProperties properties) {
			return new ClientKeySanitizingFunction(properties.getClientKey());
		}

	}

}
