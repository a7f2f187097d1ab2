package com.insprl.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ReflectionUtils;

/**
 * The JDK {@code HttpClient}, built by Spring Boot's builder (its SSL bundle, connect
 * timeout and customizers), and sent with on the caller's thread by a
 * {@link JdkBlockingRequestFactory}: no thread is started per call. The client runs its
 * own tasks where they arise, on the caller's thread or its selector thread, rather than
 * handing each to a pool: a request's body is one array and its reply is queued for the
 * caller to read, so no task blocks. It speaks HTTP/1.1, as every library the transport
 * supports does for insprl's one request and reply. The client's timeout bounds the wait
 * for the reply's head; it is a little more than the deadline so that the transport's own
 * deadline, which reports itself, comes first. Should the client not be reachable in
 * Spring's factory, Spring's own request is used, on Spring's own executor.
 * <p>
 * On Java 21 and later the client can be shut down: releasing the factory shuts its
 * client down, so that its selector thread ends with the transport. On Java 17 the client
 * has no such method, and its thread ends when the client is garbage-collected.
 */
final class JdkLibrary extends ClientLibrary {

	private static final @Nullable Field HTTP_CLIENT = ReflectionUtils.findField(JdkClientHttpRequestFactory.class,
			"httpClient", HttpClient.class);

	private static final @Nullable Method SHUTDOWN_NOW = ReflectionUtils.findMethod(HttpClient.class, "shutdownNow");

	private final JdkClientHttpRequestFactoryBuilder builder;

	JdkLibrary(JdkClientHttpRequestFactoryBuilder builder) {
		super("jdk");
		this.builder = builder;
	}

	@Override
	ClientHttpRequestFactory build(HttpClientSettings settings, Duration deadline, int maxConnections) {
		HttpClientSettings timed = settings.withReadTimeout(deadline.plus(GRACE));
		if (HTTP_CLIENT == null) {
			return this.builder.build(timed);
		}
		HttpClient client = httpClient(this.builder.withExecutor(Runnable::run)
			.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
			.build(timed));
		return (client != null) ? new JdkBlockingRequestFactory(client, deadline.plus(GRACE))
				: this.builder.build(timed);
	}

	private static @Nullable HttpClient httpClient(JdkClientHttpRequestFactory factory) {
		if (HTTP_CLIENT == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(HTTP_CLIENT);
		return (HttpClient) ReflectionUtils.getField(HTTP_CLIENT, factory);
	}

	@Override
	void release(ClientHttpRequestFactory factory) {
		super.release(factory);
		HttpClient client = (factory instanceof JdkBlockingRequestFactory blocking) ? blocking.client()
				: (factory instanceof JdkClientHttpRequestFactory jdk) ? httpClient(jdk) : null;
		if (SHUTDOWN_NOW != null && client != null) {
			ReflectionUtils.invokeMethod(SHUTDOWN_NOW, client);
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
	static boolean logsHeaders(String log, String debug) {
		return (log != null && (log.contains("headers") || log.contains("all"))) || Boolean.parseBoolean(debug);
	}

}
