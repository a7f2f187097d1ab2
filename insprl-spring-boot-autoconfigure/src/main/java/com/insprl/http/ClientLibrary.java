package com.insprl.http;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * What the transport needs to know of each client library: how to build its request
 * factory so that an exchange can be abandoned at its deadline, and which of its loggers
 * print request headers (and so the client key) at DEBUG.
 */
abstract class ClientLibrary {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.client5.http.impl.classic.HttpClientBuilder", ClientLibrary.class.getClassLoader());

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			ClientLibrary.class.getClassLoader());

	private final String name;

	ClientLibrary(String name) {
		this.name = name;
	}

	static ClientLibrary of(ClientHttpRequestFactoryBuilder<?> builder) {
		if (HTTP_COMPONENTS_PRESENT && HttpComponentsLibrary.supports(builder)) {
			return new HttpComponentsLibrary(builder);
		}
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return new JdkLibrary(jdk);
		}
		if (builder instanceof SimpleClientHttpRequestFactoryBuilder) {
			return new SimpleLibrary();
		}
		if (REACTOR_PRESENT && ReactorLibrary.supports(builder)) {
			return new ReactorLibrary(builder);
		}
		if (builder instanceof JettyClientHttpRequestFactoryBuilder jetty) {
			return new JettyLibrary(jetty);
		}
		return new Other(builder);
	}

	String name() {
		return this.name;
	}

	/**
	 * Return the longest an exchange may take in all on this library: the connect timeout
	 * plus the read timeout where the read timeout bounds each read, the read timeout
	 * alone where, as Spring Boot sets it, it already bounds the whole exchange.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return the deadline
	 */
	Duration deadline(Duration connectTimeout, Duration readTimeout) {
		return connectTimeout.plus(readTimeout);
	}

	/**
	 * Build the library's request factory.
	 * @param settings the settings, timeouts included, redirects never followed
	 * @param deadline the time an exchange may take in all
	 * @param maxConnections the most connections kept open at once, where the library
	 * pools them, or 0 for the library's own limit
	 * @return the request factory
	 */
	abstract ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections);

	/**
	 * Release what a request factory of this library holds: by default, what a
	 * {@link DisposableBean} factory releases when destroyed.
	 * @param factory a factory {@link #build} returned
	 */
	void release(ClientHttpRequestFactory factory) {
		if (factory instanceof DisposableBean disposable) {
			try {
				disposable.destroy();
			}
			catch (Exception ex) {
				LogFactory.getLog(ClientLibrary.class).debug("Could not close an insprl HTTP client", ex);
			}
		}
	}

	/**
	 * Log one warning for each of the library's loggers that would print the
	 * {@code Authorization} header as things are configured now.
	 * @param logger where to warn
	 */
	void warnIfHeadersAreLogged(Log logger) {
	}

	static void warnIfDebug(Log logger, String headerLogger) {
		if (LogFactory.getLog(headerLogger).isDebugEnabled()) {
			logger.warn("Logger '" + headerLogger + "' is at DEBUG and prints HTTP request headers, the insprl "
					+ "client key in the Authorization header among them. Keep it at INFO or above " + "(logging.level."
					+ headerLogger + "=info).");
		}
	}

	/**
	 * A library of the application's own: its own timers bound the wait for the reply's
	 * head (the insprl call timeout cannot shorten them, as the client has no public way
	 * to cancel an exchange of a library it does not know), and the transport closes the
	 * body at the deadline.
	 */
	static final class Other extends ClientLibrary {

		private final ClientHttpRequestFactoryBuilder<?> builder;

		Other(ClientHttpRequestFactoryBuilder<?> builder) {
			super(builder.getClass().getSimpleName());
			this.builder = builder;
		}

		@Override
		ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
			return this.builder.build(settings);
		}

	}

}
