package com.insprl.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.config.Http1Config;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Apache HttpClient 5. Each exchange registers the request's own cancel, which closes the
 * connection whatever the exchange is doing (waiting for a pooled connection, for the
 * reply's head, or for its body). The pool holds {@code maxConnections} (when set), and
 * waiting for one counts against the connect timeout. The library's own retries are off
 * (the insprl client decides what is retried: the library would resend a POST after a 503
 * or 429), replies are not compressed (they are small JSON), and a reply's head is
 * limited in line length and header count. The library's header and wire loggers, shared
 * by every client of the application, print each request's headers (the client key among
 * them) at DEBUG: the library offers no public way to quiet them for one client, so
 * start-up warns when either is at DEBUG.
 */
final class HttpComponentsLibrary extends ClientLibrary {

	/** The library's loggers that print request headers at DEBUG. */
	static final String[] HEADER_LOGGERS = { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire" };

	private static final int MAX_LINE_LENGTH = 16 * 1024;

	private static final int MAX_HEADER_COUNT = 100;

	private static final ExecChainHandler REGISTER_CANCEL = (request, scope, chain) -> {
		Attempt attempt = Attempt.current();
		if (attempt != null && scope.originalRequest instanceof Cancellable cancellable) {
			attempt.onCancel(cancellable::cancel);
		}
		return chain.proceed(request, scope);
	};

	private final HttpComponentsClientHttpRequestFactoryBuilder builder;

	HttpComponentsLibrary(ClientHttpRequestFactoryBuilder<?> builder) {
		super("http-components");
		this.builder = (HttpComponentsClientHttpRequestFactoryBuilder) builder;
	}

	static boolean supports(ClientHttpRequestFactoryBuilder<?> builder) {
		return builder instanceof HttpComponentsClientHttpRequestFactoryBuilder;
	}

	@Override
	void warnIfHeadersAreLogged(Log logger) {
		for (String headerLogger : HEADER_LOGGERS) {
			warnIfDebug(logger, headerLogger);
		}
	}

	@Override
	ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
		long connectMillis = (settings.connectTimeout() != null) ? settings.connectTimeout().toMillis() : 0;
		return this.builder
			.withHttpClientCustomizer((client) -> client.addExecInterceptorFirst("insprl-deadline", REGISTER_CANCEL)
				.disableAutomaticRetries()
				.disableContentCompression())
			.withConnectionManagerCustomizer((pool) -> {
				pool.setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
					.http1Config(Http1Config.custom()
						.setMaxLineLength(MAX_LINE_LENGTH)
						.setMaxHeaderCount(MAX_HEADER_COUNT)
						.build())
					.build());
				if (maxConnections > 0) {
					pool.setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections);
				}
			})
			.withDefaultRequestConfigCustomizer((request) -> {
				if (connectMillis > 0) {
					request.setConnectionRequestTimeout(connectMillis, TimeUnit.MILLISECONDS);
				}
			})
			.build(settings);
	}

}
