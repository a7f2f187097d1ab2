package com.insprl.autoconfigure;

import java.time.Duration;

import com.insprl.http.internal.Durations;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import com.insprl.ratelimit.internal.ManagedRateLimiter;
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

	static InsprlRateLimiter observed(ManagedRateLimiter limiter, ObjectProvider<ObservationRegistry> registry,
			String store) {
		ObservationRegistry observations = registry.getIfAvailable();
		return (observations != null) ? new ObservedRateLimiter(limiter, observations, store) : limiter;
	}

	/**
	 * Return the checked budget of an enabled rate limit: the burst is one second's worth
	 * of requests unless set; the store timeout is checked whichever the store, so that a
	 * mistake is found before the store is changed.
	 * @param properties the rate limit's properties
	 * @return the budget
	 */
	static Budget budget(InsprlProperties.RateLimit properties) {
		Double rate = properties.getRequestsPerSecond();
		if (rate == null || !(rate > 0) || rate.isInfinite()) {
			throw PropertyChecks.invalid("insprl.rate-limit.requests-per-second", rate,
					"must be a positive number when insprl.rate-limit.enabled is true");
		}
		Integer burst = properties.getBurst();
		if (burst != null && burst < 1) {
			throw PropertyChecks.invalid("insprl.rate-limit.burst", burst, "must be at least 1");
		}
		Duration maxWait = PropertyChecks.get("insprl.rate-limit.max-wait", properties.getMaxWait(), (wait) -> {
			Durations.requireWait(wait, "maxWait");
			return wait;
		});
		Duration storeTimeout = PropertyChecks.get("insprl.rate-limit.store-timeout", properties.getStoreTimeout(),
				(timeout) -> {
					Durations.requirePositive(timeout, "storeTimeout");
					Durations.requireAtMost(timeout, Durations.LONGEST_WAIT, "storeTimeout");
					return timeout;
				});
		return new Budget(rate, (burst != null) ? burst : (int) Math.max(1, Math.ceil(rate)), maxWait, storeTimeout);
	}

	/**
	 * A checked rate limit.
	 *
	 * @param requestsPerSecond the sustained rate
	 * @param burst the most requests sent at once
	 * @param maxWait the longest a call waits for a permit
	 * @param storeTimeout the longest a call waits for the shared store to answer
	 */
	record Budget(double requestsPerSecond, int burst, Duration maxWait, Duration storeTimeout) {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "insprl.rate-limit.store", havingValue = "local", matchIfMissing = true)
	static class LocalRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InsprlRateLimiter insprlRateLimiter(InsprlProperties properties, ObjectProvider<ObservationRegistry> registry) {
			Budget budget = budget(properties.getRateLimit());
			return observed(new LocalRateLimiter(budget.requestsPerSecond(), budget.burst()), registry, "local");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "insprl.rate-limit.store", havingValue = "redis")
	static class RedisRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InsprlRateLimiter insprlRateLimiter(InsprlProperties properties, ListableBeanFactory beanFactory,
				ObjectProvider<ObservationRegistry> registry) {
			Budget budget = budget(properties.getRateLimit());
			ClassLoader classLoader = getClass().getClassLoader();
			if (!ClassUtils.isPresent("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
					classLoader) || !ClassUtils.isPresent("io.lettuce.core.RedisClient", classLoader)) {
				throw PropertyChecks.invalid("insprl.rate-limit.store", "redis",
						"is redis, but Spring Data Redis or Lettuce is missing: add spring-boot-starter-data-redis");
			}
			return observed(RedisRateLimiters.create(properties.getRateLimit(), budget, beanFactory), registry,
					"redis");
		}

	}

}
