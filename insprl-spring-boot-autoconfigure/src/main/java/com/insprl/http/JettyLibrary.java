package com.insprl.http;

import java.time.Duration;

import com.insprl.http.internal.DeadlineExceededException;
import org.apache.commons.logging.Log;
import org.eclipse.jetty.client.Request;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Jetty. Spring's request times the whole exchange with the read timeout; each exchange
 * registers the Jetty request's own abort as the attempt's cancel (from a listener Jetty
 * tells when the request is queued, on the caller's thread), which ends the exchange at
 * the deadline whatever it is doing, and releases it when the wait fails. Jetty's client
 * and HTTP parser log request and reply headers and content at DEBUG from loggers shared
 * by every Jetty client, so the insprl client's cannot be made quiet alone: start-up
 * warns instead.
 */
final class JettyLibrary extends ClientLibrary {

	static final String[] HEADER_LOGGERS = { "org.eclipse.jetty.client", "org.eclipse.jetty.http" };

	private static final Request.QueuedListener REGISTER_ABORT = (request) -> {
		Attempt attempt = Attempt.current();
		if (attempt != null) {
			attempt.onCancel(() -> request.abort(new DeadlineExceededException(attempt.deadline(), null)));
		}
	};

	private final JettyClientHttpRequestFactoryBuilder builder;

	JettyLibrary(JettyClientHttpRequestFactoryBuilder builder) {
		super("jetty");
		this.builder = builder;
	}

	/**
	 * Jetty's request timeout, which Spring sets to the read timeout, bounds the whole
	 * exchange, connecting included.
	 */
	@Override
	Duration deadline(Duration connectTimeout, Duration readTimeout) {
		return readTimeout;
	}

	@Override
	ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
		return this.builder
			.withHttpClientCustomizer((client) -> client.getRequestListeners().addQueuedListener(REGISTER_ABORT))
			.build(settings);
	}

	@Override
	void warnIfHeadersAreLogged(Log logger) {
		for (String headerLogger : HEADER_LOGGERS) {
			warnIfDebug(logger, headerLogger);
		}
	}

}
