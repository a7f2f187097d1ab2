package com.insprl.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * A rate limit per account shared by every replica through Redis: the account's bucket
 * lives in Redis (Bucket4j's Lettuce integration), and so does its pause, as a key that
 * expires when the pause ends (so the replicas' clocks need not agree on it). Each Redis
 * request waits at most the request timeout; one that fails or times out is a
 * {@link RateLimitStoreException}.
 */
public class RedisRateLimiter extends BucketRateLimiter implements AutoCloseable {

	private static final String PAUSE_AT_LEAST = """
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < tonumber(ARGV[1]) then
				redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
			end
			return 1""";

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private final RedisAsyncCommands<byte[], byte[]> commands;

	private final ProxyManager<byte[]> buckets;

	private final Duration requestTimeout;

	private final String keyPrefix;

	private final double requestsPerSecond;

	private final int burst;

	/**
	 * Create a limiter.
	 * @param connection a connection to Redis, closed with this limiter
	 * @param requestsPerSecond the requests per second each account may send, on average,
	 * across every replica
	 * @param burst the requests an account may send at once
	 * @param requestTimeout the longest each Redis request may take
	 * @param keyPrefix the prefix of the Redis keys, such as {@code insprl:rate-limit:}
	 */
	public RedisRateLimiter(StatefulRedisConnection<byte[], byte[]> connection, double requestsPerSecond, int burst,
			Duration requestTimeout, String keyPrefix) {
		super(requestsPerSecond, burst);
		this.connection = connection;
		this.commands = connection.async();
		this.requestTimeout = requestTimeout;
		this.keyPrefix = keyPrefix;
		this.requestsPerSecond = requestsPerSecond;
		this.burst = burst;
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.requestTimeout(requestTimeout)
			.build();
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		try {
			return super.acquire(account, maxWait);
		}
		catch (RateLimitStoreException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RateLimitStoreException("Redis did not answer the rate limit's request", ex);
		}
	}

	@Override
	Bucket bucket(String account) {
		return this.buckets.builder().build(key("bucket:", account), this::configuration);
	}

	@Override
	Duration pausedFor(String account) {
		Long ttl = await(this.commands.pttl(key("pause:", account)));
		return (ttl != null && ttl > 0) ? Duration.ofMillis(ttl) : Duration.ZERO;
	}

	@Override
	public void pause(String account, Instant until) {
		long millis = Duration.between(Instant.now(), until).toMillis();
		if (millis > 0) {
			await(this.commands.eval(PAUSE_AT_LEAST, ScriptOutputType.INTEGER, new byte[][] { key("pause:", account) },
					String.valueOf(millis).getBytes(StandardCharsets.US_ASCII)));
		}
	}

	private byte[] key(String kind, String account) {
		return (this.keyPrefix + kind + account).getBytes(StandardCharsets.UTF_8);
	}

	private <T> T await(RedisFuture<T> future) {
		try {
			return future.get(this.requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RateLimitStoreException("Interrupted while waiting for Redis", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			future.cancel(false);
			throw new RateLimitStoreException("Redis did not answer the rate limit's request", ex);
		}
	}

	@Override
	public Map<String, Object> healthDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "redis");
		details.put("requestsPerSecond", this.requestsPerSecond);
		details.put("burst", this.burst);
		return details;
	}

	@Override
	public void close() {
		if (this.connection.isOpen()) {
			this.connection.close();
		}
	}

}
