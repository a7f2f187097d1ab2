package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.insprl.actuate.internal.InsprlCallHistory;
import com.insprl.actuate.internal.InsprlEndpoint;
import com.insprl.actuate.internal.InsprlEndpointWebExtension;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.http.internal.Durations;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of the {@code insprl} actuator endpoint, imported by
 * {@link InsprlAutoConfiguration}. Like Spring Boot's own endpoints, it is created only
 * when the application exposes it, on the web
 * ({@code management.endpoints.web.exposure.include}) or over JMX.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(InsprlEndpoint.class)
final class InsprlEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InsprlCallHistory insprlCallHistory() {
		return new InsprlCallHistory();
	}

	@Bean
	@ConditionalOnMissingBean
	InsprlEndpoint insprlEndpoint(InsprlClient insprlClient, InsprlCallHistory insprlCallHistory,
			InsprlProperties properties, InsprlHttpTransport insprlHttpTransport) {
		return new InsprlEndpoint(insprlClient, insprlCallHistory,
				configuration(insprlClient, properties, insprlHttpTransport));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(InsprlEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = InsprlEndpoint.class, exposure = EndpointExposure.WEB)
	InsprlEndpointWebExtension insprlEndpointWebExtension(InsprlEndpoint insprlEndpoint) {
		return new InsprlEndpointWebExtension(insprlEndpoint);
	}

	/**
	 * Return the configuration in effect, as the endpoint shows it: never the key.
	 * @param client the client
	 * @param properties the properties
	 * @param transport the transport
	 * @return the configuration
	 */
	static Map<String, Object> configuration(InsprlClient client, InsprlProperties properties,
			InsprlHttpTransport transport) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("baseUrl", client.getBaseUrl());
		InsprlCredentials credentials = client.getCredentials();
		configuration.put("clientId", (credentials != null) ? credentials.getClientId() : "none");
		configuration.put("clientLibrary", transport.getLibrary());
		configuration.put("connectTimeout", format(properties.getConnectTimeout()));
		configuration.put("readTimeout", format(properties.getReadTimeout()));
		configuration.put("callTimeout", format(properties.getCallTimeout()));
		configuration.put("minAttemptTime", format(properties.getMinAttemptTime()));
		configuration.put("usageLimitPause", format(properties.getUsageLimitPause()));
		InsprlProperties.Retry retry = properties.getRetry();
		Map<String, Object> retrySettings = new LinkedHashMap<>();
		retrySettings.put("maxAttempts", retry.getMaxAttempts());
		retrySettings.put("initialBackoff", format(retry.getInitialBackoff()));
		retrySettings.put("maxBackoff", format(retry.getMaxBackoff()));
		retrySettings.put("multiplier", retry.getMultiplier());
		configuration.put("retry", retrySettings);
		InsprlProperties.RateLimit rateLimit = properties.getRateLimit();
		Map<String, Object> rateLimitSettings = new LinkedHashMap<>();
		rateLimitSettings.put("enabled", rateLimit.isEnabled());
		if (rateLimit.isEnabled()) {
			rateLimitSettings.put("store", rateLimit.getStore().name().toLowerCase(Locale.ROOT));
			rateLimitSettings.put("maxWait", format(rateLimit.getMaxWait()));
			rateLimitSettings.put("failOpen", rateLimit.isFailOpen());
		}
		configuration.put("rateLimit", rateLimitSettings);
		return configuration;
	}

	private static String format(Duration duration) {
		return Durations.format(duration);
	}

}
