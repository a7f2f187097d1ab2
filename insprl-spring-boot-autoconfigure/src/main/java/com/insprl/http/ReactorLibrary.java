package com.insprl.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import reactor.netty.Connection;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Reactor Netty. Its response timeout bounds only the gap between reads, so each exchange
 * closes its connection when the deadline (and a little more) has passed without a
 * complete reply: the event loop runs the timer, and a complete reply cancels it. The
 * transport's own deadline, which comes first, closes the body.
 */
final class ReactorLibrary extends ClientLibrary {

	private static final AttributeKey<ScheduledFuture<?>> DEADLINE = AttributeKey.valueOf("insprl.deadline");

	private final ReactorClientHttpRequestFactoryBuilder builder;

	ReactorLibrary(ClientHttpRequestFactoryBuilder<?> builder) {
		super("reactor");
		this.builder = (ReactorClientHttpRequestFactoryBuilder) builder;
	}

	static boolean supports(ClientHttpRequestFactoryBuilder<?> builder) {
		return builder instanceof ReactorClientHttpRequestFactoryBuilder;
	}

	@Override
	ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
		long limit = deadline.plus(ClientLibrary.GRACE).toNanos();
		return this.builder
			.withHttpClientCustomizer((client) -> client.doOnRequest((request, connection) -> arm(connection, limit))
				.doAfterResponseSuccess((response, connection) -> disarm(connection)))
			.build(settings);
	}

	/**
	 * Close the connection's channel once the limit has passed, unless a complete reply
	 * disarms the timer first. The channel is held as it is now: once the exchange is
	 * over, the connection hands out a stand-in, and the channel itself may be back in
	 * the pool, serving the next exchange.
	 * @param connection the connection the request goes out on
	 * @param limit the time the exchange may take, in nanoseconds
	 */
	private static void arm(Connection connection, long limit) {
		disarm(connection);
		Channel channel = connection.channel();
		Runnable close = channel::close;
		ScheduledFuture<?> timer = channel.eventLoop().schedule(close, limit, TimeUnit.NANOSECONDS);
		channel.attr(DEADLINE).set(timer);
	}

	private static void disarm(Connection connection) {
		ScheduledFuture<?> timer = connection.channel().attr(DEADLINE).getAndSet(null);
		if (timer != null) {
			timer.cancel(false);
		}
	}

}
