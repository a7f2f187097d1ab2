package com.insprl.autoconfigure;

import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import com.insprl.ratelimit.internal.ObservedRateLimiter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Configuration of the client-side rate limit ({@code insprl.rate-limit.*}), imported by
 * {@link InsprlAutoConfiguration}: a budget per account, in this JVM or shared by every
 * replica through the Redis client of Spring Boot's own Redis auto-configuration
 * ({@code spring.data.redis.*}: standalone, sentinel or cluster). Redis is optional: an
 * application that keeps the budget in its JVM needs nothing more.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("insprl.rate-limit.enabled")
final class InsprlRateLimitConfiguration {

	static InsprlRateLimiter observed(InsprlRateLimiter limiter, ObjectProvider<ObservationRegistry> registry,
			String store) {
		ObservationRegistry observations = registry.getIfAvailable();
		return (observations != null) ? new ObservedRateLimiter(limiter, observations, store) : limiter;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "insprl.rate-limit.store", havingValue = "local", matchIfMissing = true)
	static class LocalRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InsprlRateLimiter insprlRateLimiter(InsprlProperties properties, ObjectProvider<ObservationRegistry> registry) {
			InsprlPropertiesValidator.RateLimit rateLimit = InsprlPropertiesValidator.rateLimit(properties);
			return observed(new LocalRateLimiter(rateLimit.requestsPerSecond(), rateLimit.burst()), registry, "local");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "insprl.rate-limit.store", havingValue = "redis")
	static class RedisRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InsprlRateLimiter insprlRateLimiter(InsprlProperties properties, ListableBeanFactory beanFactory,
				ObjectProvider<ObservationRegistry> registry) {
			InsprlPropertiesValidator.RateLimit rateLimit = InsprlPropertiesValidator.rateLimit(properties);
			ClassLoader classLoader = getClass().getClassLoader();
			if (!ClassUtils.isPresent("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
					classLoader) || !ClassUtils.isPresent("io.lettuce.core.RedisClient", classLoader)) {
				throw new InvalidInsprlPropertyException("insprl.rate-limit.store",
						"is redis, but Spring Data Redis or Lettuce is missing: add spring-boot-starter-data-redis");
			}
			return observed(RedisRateLimiters.create(properties.getRateLimit(), rateLimit, beanFactory), registry,
					"redis");
		}

	}

}
