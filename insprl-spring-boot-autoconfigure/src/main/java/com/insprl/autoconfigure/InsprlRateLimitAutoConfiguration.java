package com.insprl.autoconfigure;

import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.LocalRateLimiter;
import com.insprl.ratelimit.ObservedRateLimiter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration for the client-side rate limit ({@code insprl.rate-limit.*}): a
 * Bucket4j budget per account, in this JVM or shared by every replica through the Redis
 * connection of Spring Boot's own Redis auto-configuration ({@code spring.data.redis.*}).
 * Bucket4j and Redis are optional: an application that does not enable the rate limit
 * needs neither.
 */
@AutoConfiguration(before = InsprlAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty("insprl.rate-limit.enabled")
@EnableConfigurationProperties(InsprlProperties.class)
public final class InsprlRateLimitAutoConfiguration {

	static InsprlRateLimiter observed(InsprlRateLimiter limiter, ObjectProvider<ObservationRegistry> registry,
			String store) {
		ObservationRegistry observations = registry.getIfAvailable();
		return (observations != null) ? new ObservedRateLimiter(limiter, observations, store) : limiter;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.bucket4j.Bucket")
	@ConditionalOnProperty(name = "insprl.rate-limit.store", havingValue = "local", matchIfMissing = true)
	static class LocalRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InsprlRateLimiter insprlRateLimiter(InsprlProperties properties, ObjectProvider<ObservationRegistry> registry) {
			int burst = InsprlPropertiesValidator.rateLimit(properties);
			return observed(new LocalRateLimiter(properties.getRateLimit().getRequestsPerSecond(), burst), registry,
					"local");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.bucket4j.Bucket")
	@ConditionalOnProperty(name = "insprl.rate-limit.store", havingValue = "redis")
	static class RedisRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InsprlRateLimiter insprlRateLimiter(InsprlProperties properties, ListableBeanFactory beanFactory,
				ObjectProvider<ObservationRegistry> registry) {
			int burst = InsprlPropertiesValidator.rateLimit(properties);
			ClassLoader classLoader = getClass().getClassLoader();
			if (!ClassUtils.isPresent("io.github.bucket4j.redis.lettuce.Bucket4jLettuce", classLoader)
					|| !ClassUtils.isPresent(
							"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory", classLoader)) {
				throw new InvalidInsprlPropertyException("insprl.rate-limit.store",
						"is redis, but Bucket4j's Lettuce integration or Spring Data Redis is missing: add "
								+ "com.bucket4j:bucket4j_jdk17-lettuce and spring-boot-starter-data-redis");
			}
			return observed(RedisRateLimiters.create(properties.getRateLimit(), burst, beanFactory), registry,
					"redis");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.github.bucket4j.Bucket")
	static class MissingBucket4jConfiguration {

		@Bean
		InsprlRateLimiter insprlRateLimiter() {
			throw new InvalidInsprlPropertyException("insprl.rate-limit.enabled",
					"is true, but Bucket4j is not on the class path: add com.bucket4j:bucket4j_jdk17-core "
							+ "(and com.bucket4j:bucket4j_jdk17-lettuce for insprl.rate-limit.store=redis)");
		}

	}

}
