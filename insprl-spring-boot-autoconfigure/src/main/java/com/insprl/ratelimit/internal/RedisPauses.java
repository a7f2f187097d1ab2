package com.insprl.ratelimit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ScriptOutputType;

/**
 * The pauses of a {@link RedisRateLimiter}, as every replica sees them.
 * <p>
 * An account's pause is its key {@code <prefix>{<account>}:pause}, which expires when the
 * pause is over and holds its reason; that key is what permits honour. So that the pauses
 * can be listed without scanning the keyspace, each one is also entered in an index of
 * two keys in one slot: {@code <prefix>{%pauses}:until}, a sorted set of the paused
 * accounts by the end of their pause (in Redis's milliseconds), and
 * {@code <prefix>{%pauses}:why}, a hash of their reasons. (No account's tag can be
 * {@code %pauses}: a {@code %} in an account is escaped.) Every write and every read of
 * the index drops up to {@value #SWEEP} pauses that are over, and both keys expire with
 * the last pause, so the index holds no more than the accounts paused now.
 */
final class RedisPauses {

	/** The most ended pauses one script drops from the index. */
	static final int SWEEP = 1000;

	/**
	 * Pauses the account. KEYS: the pause. ARGV: the pause in milliseconds, the reason.
	 */
	static final String PAUSE = """
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < tonumber(ARGV[1]) then
				redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1])
				return 1
			end
			return 0""";

	/** Drops the ended pauses from the index. KEYS: the index. Sets {@code now}. */
	private static final String SWEEP_SCRIPT = """
			redis.replicate_commands()
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local ended = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, %d)
			for _, account in ipairs(ended) do
				redis.call('ZREM', KEYS[1], account)
				redis.call('HDEL', KEYS[2], account)
			end
			""".formatted(SWEEP);

	/**
	 * Enters a pause in the index. KEYS: the index. ARGV: the account, the pause in
	 * milliseconds, the reason.
	 */
	static final String ENTER = SWEEP_SCRIPT + """
			local ends = now + tonumber(ARGV[2])
			local held = redis.call('ZSCORE', KEYS[1], ARGV[1])
			if (not held) or tonumber(held) < ends then
				redis.call('ZADD', KEYS[1], ends, ARGV[1])
				redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
			end
			local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
			local ttl = math.ceil(tonumber(last[2]) - now) + 1000
			redis.call('PEXPIRE', KEYS[1], ttl)
			redis.call('PEXPIRE', KEYS[2], ttl)
			return 1""";

	/**
	 * Lists the pauses not over yet (more may be over than one sweep drops), the soonest
	 * to end first. KEYS: the index. ARGV: the most to list. Returns Redis's time, then
	 * the account, the end and the reason of each.
	 */
	static final String LIST = SWEEP_SCRIPT + """
			local listed = {tostring(now)}
			local paused = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf', 'WITHSCORES',
				'LIMIT', 0, tonumber(ARGV[1]))
			for i = 1, #paused, 2 do
				listed[#listed + 1] = paused[i]
				listed[#listed + 1] = paused[i + 1]
				listed[#listed + 1] = redis.call('HGET', KEYS[2], paused[i]) or ''
			end
			return listed""";

	/** Lifts the account's pause. KEYS: the pause. Returns whether it was paused. */
	static final String LIFT = "return redis.call('DEL', KEYS[1])";

	/** Takes a lifted pause out of the index. KEYS: the index. ARGV: the account. */
	static final String FORGET = """
			redis.call('ZREM', KEYS[1], ARGV[1])
			redis.call('HDEL', KEYS[2], ARGV[1])
			return 1""";

	private final byte[][] index;

	private final RateLimitScript pause;

	private final RateLimitScript enter;

	private final RateLimitScript list;

	private final RateLimitScript lift;

	private final RateLimitScript forget;

	RedisPauses(RedisConnector connector, Duration requestTimeout, String keyPrefix) {
		this.index = new byte[][] { bytes(keyPrefix + "{%pauses}:until"), bytes(keyPrefix + "{%pauses}:why") };
		this.pause = new RateLimitScript(connector, requestTimeout, PAUSE, ScriptOutputType.INTEGER);
		this.enter = new RateLimitScript(connector, requestTimeout, ENTER, ScriptOutputType.INTEGER);
		this.list = new RateLimitScript(connector, requestTimeout, LIST, ScriptOutputType.MULTI);
		this.lift = new RateLimitScript(connector, requestTimeout, LIFT, ScriptOutputType.INTEGER);
		this.forget = new RateLimitScript(connector, requestTimeout, FORGET, ScriptOutputType.INTEGER);
	}

	void pause(byte[] key, String account, long millis, String reason) throws InterruptedException {
		Long set = this.pause.run(new byte[][] { key }, bytes(Long.toString(millis)), bytes(reason));
		if (set != null && set == 1) {
			this.enter.run(this.index, bytes(account), bytes(Long.toString(millis)), bytes(reason));
		}
	}

	List<PauseRegistry.Pause> list(int limit) throws InterruptedException {
		if (limit <= 0) {
			return List.of();
		}
		List<Object> reply = this.list.run(this.index, bytes(Integer.toString(limit)));
		Instant wallNow = Instant.now();
		long redisNow = Long.parseLong(text(reply.get(0)));
		List<PauseRegistry.Pause> pauses = new ArrayList<>();
		for (int i = 1; i + 2 < reply.size(); i += 3) {
			long ends = (long) Double.parseDouble(text(reply.get(i + 1)));
			String reason = text(reply.get(i + 2));
			pauses.add(new PauseRegistry.Pause(text(reply.get(i)), wallNow.plusMillis(ends - redisNow),
					reason.isEmpty() ? LocalRateLimiter.NO_REASON : reason));
		}
		return pauses;
	}

	boolean lift(byte[] key, String account) throws InterruptedException {
		Long deleted = this.lift.run(new byte[][] { key });
		this.forget.run(this.index, bytes(account));
		return deleted != null && deleted > 0;
	}

	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
