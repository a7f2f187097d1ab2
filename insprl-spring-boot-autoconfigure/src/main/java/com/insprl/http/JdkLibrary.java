package com.insprl.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

/**
 * The JDK {@code HttpClient}, configured by Spring Boot's builder (its SSL bundle,
 * connect timeout, proxy and the application's customizers), and sent with on the
 * caller's thread by a {@link JdkBlockingRequestFactory}: no thread is started per call.
 * The client runs its own tasks where they arise, on the caller's thread or its selector
 * thread, rather than handing each to a pool: a request's body is one array and its reply
 * is queued for the caller to read, so no task blocks. It speaks HTTP/1.1, as every
 * library the transport supports does for insprl's one request and reply.
 * <p>
 * The client is built from the {@code HttpClient.Builder} that Spring Boot's builder
 * hands its customizers, once they have all run; the client Spring Boot builds from it
 * for its own request factory is not used, and its selector thread ends once that client
 * is garbage-collected.
 * <p>
 * On Java 21 and later the client can be closed: releasing the factory closes its client,
 * so that its selector thread ends with the transport. On Java 17 the client has no such
 * method, and its thread ends when the client is garbage-collected.
 */
final class JdkLibrary extends ClientLibrary {

	private final JdkClientHttpRequestFactoryBuilder builder;

	JdkLibrary(JdkClientHttpRequestFactoryBuilder builder) {
		super("jdk");
		this.builder = builder;
	}

	/**
	 * The read timeout bounds the whole exchange, from sending (connecting included) to
	 * the reply's end, as Spring's own JDK request factory times it.
	 */
	@Override
	Duration deadline(Duration connectTimeout, Duration readTimeout) {
		return readTimeout;
	}

	@Override
	ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
		AtomicReference<HttpClient.@Nullable Builder> configured = new AtomicReference<>();
		this.builder.withExecutor(Runnable::run)
			.withHttpClientCustomizer((http) -> configured.set(http.version(HttpClient.Version.HTTP_1_1)))
			.build(settings);
		HttpClient.Builder http = configured.get();
		Assert.state(http != null, "Spring Boot's JDK client builder ran no customizer");
		return new JdkBlockingRequestFactory(http.build(), settings.readTimeout());
	}

	@Override
	void release(ClientHttpRequestFactory factory) {
		if (factory instanceof JdkBlockingRequestFactory blocking
				&& blocking.client() instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				LogFactory.getLog(JdkLibrary.class).debug("Could not close the insprl JDK HTTP client", ex);
			}
		}
	}

	@Override
	void warnIfHeadersAreLogged(Log logger) {
		if (logsHeaders(System.getProperty("jdk.httpclient.HttpClient.log"),
				System.getProperty("jdk.internal.httpclient.debug"))) {
			logger.warn("The JDK HttpClient's logging is on (system property jdk.httpclient.HttpClient.log or "
					+ "jdk.internal.httpclient.debug) and prints HTTP request headers, the insprl client key in "
					+ "the Authorization header among them. Turn it off.");
		}
	}

	/**
	 * Return whether the JDK client's logging, as its system properties set it, prints
	 * request headers.
	 * @param log the value of {@code jdk.httpclient.HttpClient.log}
	 * @param debug the value of {@code jdk.internal.httpclient.debug}
	 * @return {@code true} if headers are printed
	 */
	static boolean logsHeaders(@Nullable String log, @Nullable String debug) {
		return (log != null && (log.contains("headers") || log.contains("all"))) || Boolean.parseBoolean(debug);
	}

}
