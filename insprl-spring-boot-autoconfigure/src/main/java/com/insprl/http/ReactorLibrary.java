package com.insprl.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.util.Assert;

/**
 * Reactor Netty. Its read timeout (the response timeout) bounds the gap between reads, as
 * Spring Boot sets it; an attempt whose deadline is shorter than the read timeout (a call
 * with little time left) is sent on a view of the same client, sharing its connections,
 * whose response timeout is that deadline. Each exchange also closes its connection when
 * the deadline (and a little more) has passed without a complete reply, for a reply that
 * trickles in: the event loop runs the timer, and a complete reply cancels it. The
 * transport's own deadline, which comes first, closes the body.
 */
final class ReactorLibrary extends ClientLibrary {

	/**
	 * How much longer than the deadline a connection is given before it is closed, so
	 * that the transport's own deadline, which reports itself, comes first.
	 */
	static final Duration GRACE = Duration.ofMillis(250);

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
		long limit = deadline.plus(GRACE).toNanos();
		AtomicReference<@Nullable HttpClient> configured = new AtomicReference<>();
		ReactorClientHttpRequestFactory factory = this.builder.withHttpClientCustomizer((client) -> {
			HttpClient armed = client.doOnRequest((request, connection) -> arm(connection, limit))
				.doAfterResponseSuccess((response, connection) -> disarm(connection));
			configured.set(armed);
			return armed;
		}).build(settings);
		HttpClient client = configured.get();
		Assert.state(client != null, "Spring Boot's Reactor Netty client builder ran no customizer");
		return new Capped(factory, client, settings.connectTimeout(), settings.readTimeout());
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

	/**
	 * Spring's request factory, and for an attempt whose deadline is shorter than the
	 * read timeout, one on a view of the same client with that deadline as its response
	 * timeout and its connection's limit.
	 */
	private static final class Capped implements ClientHttpRequestFactory {

		private final ReactorClientHttpRequestFactory factory;

		private final HttpClient client;

		private final @Nullable Duration connectTimeout;

		private final @Nullable Duration readTimeout;

		Capped(ReactorClientHttpRequestFactory factory, HttpClient client, @Nullable Duration connectTimeout,
				@Nullable Duration readTimeout) {
			this.factory = factory;
			this.client = client;
			this.connectTimeout = connectTimeout;
			this.readTimeout = readTimeout;
		}

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
			Attempt attempt = Attempt.current();
			if (attempt == null || (this.readTimeout != null && attempt.deadline().compareTo(this.readTimeout) >= 0)) {
				return this.factory.createRequest(uri, httpMethod);
			}
			long limit = attempt.deadline().plus(GRACE).toNanos();
			ReactorClientHttpRequestFactory capped = new ReactorClientHttpRequestFactory(
					this.client.doOnRequest((request, connection) -> arm(connection, limit)));
			if (this.connectTimeout != null) {
				capped.setConnectTimeout(this.connectTimeout);
			}
			capped.setReadTimeout(attempt.deadline());
			return capped.createRequest(uri, httpMethod);
		}

	}

}
