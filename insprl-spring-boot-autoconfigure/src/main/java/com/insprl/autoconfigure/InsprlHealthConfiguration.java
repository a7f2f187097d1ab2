package com.insprl.autoconfigure;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.health.internal.InsprlReachabilityProbe;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.ratelimit.InsprlRateLimiter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of the {@code insprl} health indicator, imported by
 * {@link InsprlAutoConfiguration} when Spring Boot's health support is on the class path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("insprl")
final class InsprlHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "insprlHealthIndicator")
	InsprlHealthIndicator insprlHealthIndicator(InsprlClient insprlClient, InsprlProperties properties,
			InsprlHttpTransport insprlHttpTransport, ObjectProvider<InsprlRateLimiter> rateLimiter) {
		InsprlProperties.Health health = properties.getHealth();
		InsprlReachabilityProbe probe = PropertyChecks.get("insprl.health.timeout", health.getTimeout(),
				(timeout) -> new InsprlReachabilityProbe(insprlClient.getBaseUrl(),
						insprlHttpTransport.requestFactory(timeout, timeout)));
		InsprlCredentials credentials = insprlClient.getCredentials();
		return PropertyChecks.get("insprl.health.cache-ttl", health.getCacheTtl(),
				(cacheTtl) -> new InsprlHealthIndicator(probe, cacheTtl,
						(credentials != null) ? credentials.getClientId() : null, rateLimiter.getIfAvailable()));
	}

}
