package com.insprl.autoconfigure;

import java.time.Duration;

import com.insprl.ratelimit.internal.FailoverRateLimiter;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import com.insprl.ratelimit.internal.ManagedRateLimiter;
import com.insprl.ratelimit.internal.RedisRateLimiter;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Builds the Redis rate limiter on the Lettuce client of Spring Boot's Redis
 * auto-configuration, whatever {@code spring.data.redis.*} describes: a standalone Redis,
 * sentinels or a cluster. Loaded only when Spring Data Redis and Lettuce are on the class
 * path.
 */
final class RedisRateLimiters {

	static final String KEY_PREFIX = "insprl:rate-limit:";

	private static final Log logger = LogFactory.getLog(RedisRateLimiters.class);

	private RedisRateLimiters() {
	}

	static ManagedRateLimiter create(InsprlProperties.RateLimit properties,
			InsprlRateLimitConfiguration.Budget rateLimit, ListableBeanFactory beanFactory) {
		LettuceConnectionFactory factory = beanFactory.getBeanProvider(LettuceConnectionFactory.class).getIfAvailable();
		if (factory == null) {
			throw PropertyChecks.invalid("insprl.rate-limit.store", "redis",
					"is redis, but the application has no Lettuce Redis connection: add "
							+ "spring-boot-starter-data-redis and set spring.data.redis.*");
		}
		AbstractRedisClient client = factory.getNativeClient();
		if (!(client instanceof RedisClusterClient) && !(client instanceof RedisClient)) {
			throw PropertyChecks.invalid("insprl.rate-limit.store", "redis",
					"is redis, but Spring Data Redis's Lettuce client is neither a Redis nor a Redis Cluster client: "
							+ client);
		}
		warnIfClusterTopologyIsNeverRefreshed(client);
		Duration maxWait = rateLimit.maxWait();
		Duration storeTimeout = rateLimit.storeTimeout();
		Duration requestTimeout = requestTimeout(storeTimeout, maxWait);
		RedisRateLimiter shared = new RedisRateLimiter(() -> connect(client), connectWait(requestTimeout, maxWait),
				rateLimit.requestsPerSecond(), rateLimit.burst(), requestTimeout, KEY_PREFIX);
		// opened in the background: the application starts whether or not Redis answers
		shared.connect();
		LocalRateLimiter local = new LocalRateLimiter(rateLimit.requestsPerSecond(), rateLimit.burst());
		return new FailoverRateLimiter(shared, local, properties.isFailOpen());
	}

	/**
	 * Warn, once, when the limit is shared through a Redis Cluster whose client refreshes
	 * no topology (Spring Boot 4.0's default): after a failover, Lettuce keeps sending to
	 * the master that is gone, so each replica stays on its own limit until it restarts.
	 * @param client the Lettuce client of Spring Data Redis
	 */
	static void warnIfClusterTopologyIsNeverRefreshed(AbstractRedisClient client) {
		if (client instanceof RedisClusterClient cluster
				&& cluster.getOptions() instanceof ClusterClientOptions options) {
			ClusterTopologyRefreshOptions refresh = options.getTopologyRefreshOptions();
			if (!refresh.isPeriodicRefreshEnabled() && refresh.getAdaptiveRefreshTriggers().isEmpty()) {
				logger.warn("The insprl rate limit is shared through a Redis Cluster whose client never refreshes "
						+ "its topology: after a failover, each replica stays on its own limit until it restarts. "
						+ "Set spring.data.redis.lettuce.cluster.refresh.period=1s, and on Spring Boot 4.0 "
						+ "spring.data.redis.lettuce.cluster.refresh.adaptive=true (on by default since 4.1)");
			}
		}
	}

	/**
	 * Open a connection of the limiter's own, when it is first used: nothing is opened
	 * while the application starts.
	 * @param client the Lettuce client of Spring Data Redis
	 * @return the connection
	 */
	private static StatefulConnection<byte[], byte[]> connect(AbstractRedisClient client) {
		if (client instanceof RedisClusterClient cluster) {
			return cluster.connect(ByteArrayCodec.INSTANCE);
		}
		return ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
	}

	/**
	 * A call waits for the connection to open, on first use or after an outage, as long
	 * as it may wait for a permit, and at least a request's timeout: opening takes longer
	 * than a request (a cluster's topology is read first).
	 * @param requestTimeout the timeout of one Redis request
	 * @param maxWait the longest a call may wait for a permit
	 * @return the longest a call waits for the connection
	 */
	static Duration connectWait(Duration requestTimeout, Duration maxWait) {
		return (maxWait.compareTo(requestTimeout) > 0) ? maxWait : requestTimeout;
	}

	/**
	 * A Redis request may take the store timeout at most, and never more than the wait a
	 * call is allowed, so that an unreachable Redis holds no call past its limit.
	 * @param storeTimeout the longest a Redis request may take
	 * @param maxWait the longest a call may wait for a permit
	 * @return the timeout of one Redis request
	 */
	static Duration requestTimeout(Duration storeTimeout, Duration maxWait) {
		Duration bound = (maxWait.compareTo(storeTimeout) < 0) ? maxWait : storeTimeout;
		return bound.isZero() ? Duration.ofMillis(100) : bound;
	}

}
