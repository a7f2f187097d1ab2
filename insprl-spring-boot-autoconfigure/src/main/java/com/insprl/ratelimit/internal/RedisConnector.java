package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The Redis connection of a {@link RedisRateLimiter}, open from the start or opened on
 * first use. Opened on first use, nothing is connected while the application starts, so
 * that it starts whether or not Redis answers: the connection is opened on a thread of
 * its own, one attempt at a time, and callers wait for it no longer than the connect
 * wait; an attempt that fails is made again by the next caller.
 */
final class RedisConnector {

	private final Supplier<? extends StatefulConnection<byte[], byte[]>> connector;

	private final Duration connectWait;

	private final Object lock = new Object();

	private volatile @Nullable Connected connected;

	private @Nullable CompletableFuture<Connected> connecting;

	private boolean closed;

	private RedisConnector(Supplier<? extends StatefulConnection<byte[], byte[]>> connector, Duration connectWait,
			@Nullable Connected connected) {
		this.connector = connector;
		this.connectWait = connectWait;
		this.connected = connected;
	}

	/**
	 * Return the connector of a connection already open.
	 * @param connection the connection
	 * @return the connector
	 */
	static RedisConnector open(StatefulConnection<byte[], byte[]> connection) {
		Assert.notNull(connection, "connection must not be null");
		return new RedisConnector(() -> connection, Duration.ZERO, new Connected(connection, commands(connection)));
	}

	/**
	 * Return a connector that opens its connection when it is first used.
	 * @param connector opens a connection
	 * @param connectWait the longest a caller waits for the connection to open
	 * @return the connector
	 */
	static RedisConnector lazy(Supplier<? extends StatefulConnection<byte[], byte[]>> connector, Duration connectWait) {
		Assert.notNull(connector, "connector must not be null");
		Assert.isTrue(connectWait != null && connectWait.compareTo(Duration.ZERO) > 0, "connectWait must be positive");
		return new RedisConnector(connector, connectWait, null);
	}

	private static RedisScriptingAsyncCommands<byte[], byte[]> commands(StatefulConnection<byte[], byte[]> connection) {
		if (connection instanceof StatefulRedisConnection<byte[], byte[]> standalone) {
			return standalone.async();
		}
		if (connection instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster) {
			return cluster.async();
		}
		throw new IllegalArgumentException("Not a standalone, sentinel or cluster connection: " + connection);
	}

	/**
	 * Start opening the connection, unless it is open or being opened, without waiting
	 * for it: a failed attempt is made again by the next caller.
	 */
	void connect() {
		synchronized (this.lock) {
			if (!this.closed && this.connected == null && this.connecting == null) {
				CompletableFuture<Connected> attempt = new CompletableFuture<>();
				this.connecting = attempt;
				startConnecting(attempt);
			}
		}
	}

	/**
	 * Return the commands of the open connection, opening it first if need be.
	 * @return the commands
	 * @throws InsprlRateLimitStoreException if the connection could not be opened in
	 * time, or is closed
	 * @throws InterruptedException if the caller was interrupted while it waited for the
	 * connection
	 */
	RedisScriptingAsyncCommands<byte[], byte[]> commands() throws InterruptedException {
		Connected open = this.connected;
		if (open != null) {
			return open.commands();
		}
		CompletableFuture<Connected> attempt;
		synchronized (this.lock) {
			if (this.closed) {
				throw new InsprlRateLimitStoreException("The rate limit's Redis connection is closed", null);
			}
			open = this.connected;
			if (open != null) {
				return open.commands();
			}
			attempt = this.connecting;
			if (attempt == null) {
				attempt = new CompletableFuture<>();
				this.connecting = attempt;
				startConnecting(attempt);
			}
		}
		try {
			return attempt.get(this.connectWait.toNanos(), TimeUnit.NANOSECONDS).commands();
		}
		catch (ExecutionException ex) {
			throw new InsprlRateLimitStoreException("Could not connect to Redis", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new InsprlRateLimitStoreException("Redis did not take a connection within " + this.connectWait, ex);
		}
	}

	private void startConnecting(CompletableFuture<Connected> attempt) {
		Thread thread = new Thread(() -> connect(attempt), "insprl-redis-connect");
		thread.setDaemon(true);
		thread.start();
	}

	private void connect(CompletableFuture<Connected> attempt) {
		Connected open;
		try {
			StatefulConnection<byte[], byte[]> connection = this.connector.get();
			open = new Connected(connection, commands(connection));
		}
		catch (RuntimeException ex) {
			synchronized (this.lock) {
				this.connecting = null;
			}
			attempt.completeExceptionally(ex);
			return;
		}
		synchronized (this.lock) {
			this.connecting = null;
			if (!this.closed) {
				this.connected = open;
				attempt.complete(open);
				return;
			}
		}
		open.connection().close();
		attempt.completeExceptionally(
				new InsprlRateLimitStoreException("The rate limit's Redis connection is closed", null));
	}

	/**
	 * Close the connection, or the one an attempt in progress opens.
	 */
	void close() {
		Connected open;
		synchronized (this.lock) {
			this.closed = true;
			open = this.connected;
			this.connected = null;
		}
		if (open != null && open.connection().isOpen()) {
			open.connection().close();
		}
	}

	private record Connected(StatefulConnection<byte[], byte[]> connection,
			RedisScriptingAsyncCommands<byte[], byte[]> commands) {

	}

}
