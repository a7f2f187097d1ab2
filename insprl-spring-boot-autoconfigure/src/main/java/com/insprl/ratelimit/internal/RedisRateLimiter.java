package com.insprl.ratelimit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

import org.springframework.util.Assert;

/**
 * A rate limit per account shared by every replica through Redis: standalone, sentinel or
 * cluster. Each permit is one Lua script, one round trip: it reads the account's pause
 * and budget, and takes the permit when the wait fits in what the caller allows (the
 * caller then sleeps the wait, and asks Redis nothing more). Times are Redis's own
 * ({@code TIME}), so the replicas' clocks need not agree.
 * <p>
 * An account has two keys, {@code <prefix>{<account>}:bucket} and
 * {@code <prefix>{<account>}:pause}: the braces are a cluster hash tag, so both live in
 * the same slot and one script can touch both. (Braces in an account are escaped, and an
 * empty one has a tag too, so every account has a tag of its own.) Both keys expire on
 * their own: the bucket when it is full again, the pause when it is over; an idle account
 * holds nothing in Redis. A pause is also entered in an index of the accounts paused now,
 * so that every replica can list them ({@link RedisPauses}).
 * <p>
 * Each Redis request waits at most the request timeout; one that fails or times out is a
 * {@link InsprlRateLimitStoreException}. A caller interrupted while it waits for Redis
 * ends with an {@link InterruptedException}: an interrupt says nothing of the store.
 * <p>
 * The connection can be opened on first use rather than when the limiter is created, so
 * that an application starts whether or not Redis answers ({@link RedisConnector}). Once
 * open, the client reconnects it by itself after Redis restarts.
 */
public class RedisRateLimiter implements ManagedRateLimiter, AutoCloseable {

	/**
	 * Takes a permit. KEYS: the bucket, the pause. ARGV: the interval between requests,
	 * the burst's tolerance and the longest wait, in microseconds. Returns whether the
	 * permit was taken (1 or 0) and the wait before sending (or the wait that was too
	 * long), in microseconds.
	 */
	static final String ACQUIRE = """
			redis.replicate_commands()
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
			local earliest = now
			local paused = redis.call('PTTL', KEYS[2])
			if paused > 0 then earliest = now + paused * 1000 end
			local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
			local tolerance = tonumber(ARGV[2])
			if tat - tolerance > earliest then earliest = tat - tolerance end
			local wait = earliest - now
			if wait > tonumber(ARGV[3]) then return {0, wait} end
			if tat < earliest then tat = earliest end
			tat = tat + tonumber(ARGV[1])
			local ttl = math.ceil((tat - now) / 1000)
			redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', string.format('%.0f', ttl))
			return {1, wait}""";

	private final RedisConnector connector;

	private final Budget budget;

	private final Duration requestTimeout;

	private final String keyPrefix;

	private final double requestsPerSecond;

	private final int burst;

	private final RateLimitScript acquire;

	private final RedisPauses pauses;

	/**
	 * Create a limiter on an open connection.
	 * @param connection a connection to Redis ({@link StatefulRedisConnection} for a
	 * standalone or sentinel Redis, {@link StatefulRedisClusterConnection} for a
	 * cluster), closed with this limiter
	 * @param requestsPerSecond the requests per second each account may send, on average,
	 * across every replica
	 * @param burst the requests an account may send at once
	 * @param requestTimeout the longest each Redis request may take
	 * @param keyPrefix the prefix of the Redis keys, such as {@code insprl:rate-limit:}
	 */
	public RedisRateLimiter(StatefulConnection<byte[], byte[]> connection, double requestsPerSecond, int burst,
			Duration requestTimeout, String keyPrefix) {
		this(RedisConnector.open(connection), requestsPerSecond, burst, requestTimeout, keyPrefix);
	}

	/**
	 * Create a limiter that connects to Redis when it is first used.
	 * @param connector opens a connection to Redis ({@link StatefulRedisConnection} for a
	 * standalone or sentinel Redis, {@link StatefulRedisClusterConnection} for a
	 * cluster), closed with this limiter; called again after a failed attempt
	 * @param connectWait the longest a caller waits for the connection to open
	 * @param requestsPerSecond the requests per second each account may send, on average,
	 * across every replica
	 * @param burst the requests an account may send at once
	 * @param requestTimeout the longest each Redis request may take
	 * @param keyPrefix the prefix of the Redis keys, such as {@code insprl:rate-limit:}
	 */
	public RedisRateLimiter(Supplier<? extends StatefulConnection<byte[], byte[]>> connector, Duration connectWait,
			double requestsPerSecond, int burst, Duration requestTimeout, String keyPrefix) {
		this(RedisConnector.lazy(connector, connectWait), requestsPerSecond, burst, requestTimeout, keyPrefix);
	}

	private RedisRateLimiter(RedisConnector connector, double requestsPerSecond, int burst, Duration requestTimeout,
			String keyPrefix) {
		Assert.isTrue(keyPrefix != null && keyPrefix.indexOf('{') < 0 && keyPrefix.indexOf('}') < 0,
				"keyPrefix must not be null or hold braces");
		Assert.isTrue(requestTimeout != null && requestTimeout.compareTo(Duration.ZERO) > 0,
				"requestTimeout must be positive");
		this.connector = connector;
		this.budget = Budget.of(requestsPerSecond, burst).inMicros();
		this.requestTimeout = requestTimeout;
		this.keyPrefix = keyPrefix;
		this.requestsPerSecond = requestsPerSecond;
		this.burst = burst;
		this.acquire = new RateLimitScript(connector, requestTimeout, ACQUIRE, ScriptOutputType.MULTI);
		this.pauses = new RedisPauses(connector, requestTimeout, keyPrefix);
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		List<Long> reply = this.acquire.run(keys(account), arg(this.budget.interval()), arg(this.budget.tolerance()),
				arg(TimeUnit.NANOSECONDS.toMicros(LocalRateLimiter.nanos(maxWait))));
		if (reply == null || reply.size() != 2) {
			throw new InsprlRateLimitStoreException("Redis answered the rate limit's request with " + reply, null);
		}
		Duration wait = Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(Math.max(0, reply.get(1))));
		if (reply.get(0) != 1) {
			return wait.isZero() ? Duration.ofNanos(1) : wait;
		}
		if (!wait.isZero()) {
			TimeUnit.NANOSECONDS.sleep(wait.toNanos());
		}
		return Duration.ZERO;
	}

	@Override
	public void pause(String account, Duration pause, String reason) {
		long millis = ((pause.compareTo(LocalRateLimiter.MAX_PAUSE) < 0) ? pause : LocalRateLimiter.MAX_PAUSE)
			.toMillis();
		if (millis <= 0) {
			return;
		}
		try {
			this.pauses.pause(key(account, "pause"), account, millis, reason);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public List<Pause> pauses(int limit) {
		try {
			return this.pauses.list(limit);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	@Override
	public boolean lift(String account) {
		try {
			return this.pauses.lift(key(account, "pause"), account);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Return the account's keys: its bucket, then its pause.
	 * @param account the account
	 * @return the keys
	 */
	byte[][] keys(String account) {
		return new byte[][] { key(account, "bucket"), key(account, "pause") };
	}

	private byte[] key(String account, String kind) {
		String escaped = account.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
		String tag = escaped.isEmpty() ? "%" : escaped;
		return (this.keyPrefix + "{" + tag + "}:" + kind).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] arg(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public Map<String, Object> healthDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "redis");
		details.put("requestsPerSecond", this.requestsPerSecond);
		details.put("burst", this.burst);
		return details;
	}

	/**
	 * Start opening the connection to Redis now, on a thread of its own, without waiting
	 * for it, so that the first call finds it open; if Redis does not answer, the first
	 * call tries again. Does nothing once the connection is open or being opened.
	 */
	public void connect() {
		this.connector.connect();
	}

	@Override
	public void close() {
		this.connector.close();
	}

}
