package com.insprl.ratelimit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

/**
 * A Lua script, sent by its SHA-1 digest ({@code EVALSHA}) and in full only when the node
 * does not know it yet. Each run waits at most the request timeout; one that fails or
 * times out is a {@link InsprlRateLimitStoreException}. A caller already interrupted
 * sends nothing and gets its {@link InterruptedException} at once, as a blocking method
 * does, whether or not Redis would have answered before the wait began.
 */
final class RateLimitScript {

	private final RedisConnector connector;

	private final Duration requestTimeout;

	private final byte[] source;

	private final String sha;

	private final ScriptOutputType type;

	RateLimitScript(RedisConnector connector, Duration requestTimeout, String source, ScriptOutputType type) {
		this.connector = connector;
		this.requestTimeout = requestTimeout;
		this.source = source.getBytes(StandardCharsets.UTF_8);
		this.sha = sha1(this.source);
		this.type = type;
	}

	<T> T run(byte[][] keys, byte[]... args) throws InterruptedException {
		if (Thread.interrupted()) {
			// a future that is already done answers get() without looking at the
			// interrupt
			throw new InterruptedException("Interrupted before the rate limit's request was sent");
		}
		RedisScriptingAsyncCommands<byte[], byte[]> commands = this.connector.commands();
		try {
			return await(() -> commands.evalsha(this.sha, this.type, keys, args));
		}
		catch (RedisNoScriptException ex) {
			return await(() -> commands.eval(this.source, this.type, keys, args));
		}
	}

	private <T> T await(Supplier<RedisFuture<T>> command) throws InterruptedException {
		RedisFuture<T> future = null;
		try {
			future = command.get();
			return future.get(this.requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			if (future != null) {
				future.cancel(false);
			}
			throw ex;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RedisNoScriptException noScript) {
				throw noScript;
			}
			throw new InsprlRateLimitStoreException("Redis did not answer the rate limit's request", ex.getCause());
		}
		catch (TimeoutException | RuntimeException ex) {
			if (future != null) {
				future.cancel(false);
			}
			throw new InsprlRateLimitStoreException("Redis did not answer the rate limit's request", ex);
		}
	}

	private static String sha1(byte[] source) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
