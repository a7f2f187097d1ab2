package com.insprl.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * The HTTP transport of the insprl client: a request factory from the client library the
 * application uses (Spring Boot's {@link ClientHttpRequestFactoryBuilder}, with its SSL
 * bundle), set up so that
 * <ul>
 * <li>redirects are never followed, so the {@code Authorization} header never reaches
 * another host;</li>
 * <li>every exchange ends by its deadline, the connect timeout plus the read timeout,
 * however slowly the reply trickles in;</li>
 * <li>a reply that is not read to its end (too large, or given up) is abandoned, not
 * drained.</li>
 * </ul>
 * With Apache HttpClient 5 the exchange is cancelled through the library whatever it is
 * doing, its pool is sized and its message limits are set. With the JDK
 * {@code HttpClient}, Jetty and Reactor Netty the library's own timer bounds the wait for
 * the reply's head and the transport bounds the body. With the JDK's
 * {@code HttpURLConnection} ({@code simple}) the connection is disconnected at the
 * deadline.
 * <p>
 * {@link #close()} releases what the transport opened: its deadline thread, the JDK
 * client's request-writing threads, Apache HttpClient's connection pool.
 */
public final class InsprlHttpTransport implements DisposableBean, AutoCloseable {

	private static final Log logger = LogFactory.getLog(InsprlHttpTransport.class);

	/** Connections kept open to insprl at most, unless configured otherwise. */
	public static final int DEFAULT_MAX_CONNECTIONS = 100;

	private final ClientLibrary library;

	private final HttpClientSettings settings;

	private final int maxConnections;

	private final AttemptWatchdog watchdog;

	private final @Nullable ExecutorService bodyWriters;

	private final List<ClientHttpRequestFactory> opened = new ArrayList<>();

	private volatile boolean closed;

	private InsprlHttpTransport(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings,
			int maxConnections, boolean virtualThreads) {
		this.settings = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		this.maxConnections = maxConnections;
		this.watchdog = new AttemptWatchdog();
		this.bodyWriters = (builder instanceof JdkClientHttpRequestFactoryBuilder && !virtualThreads) ? newBodyWriters()
				: null;
		this.library = ClientLibrary.of(builder, this.bodyWriters);
		this.library.warnIfHeadersAreLogged(logger);
	}

	/**
	 * Create a transport.
	 * @param builder the client library's request factory builder, such as Spring Boot's
	 * auto-configured one
	 * @param settings the application's HTTP client settings (an SSL bundle, for
	 * example); redirects are never followed whatever they say
	 * @param maxConnections the most connections kept open at once, where the library
	 * pools them (Apache HttpClient 5)
	 * @param virtualThreads whether the application runs on virtual threads (the JDK
	 * client then needs no pool of its own)
	 * @return a new transport, to be closed when no longer used
	 */
	public static InsprlHttpTransport create(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings,
			int maxConnections, boolean virtualThreads) {
		Assert.notNull(builder, "builder must not be null");
		Assert.notNull(settings, "settings must not be null");
		Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
		return new InsprlHttpTransport(builder, settings, maxConnections, virtualThreads);
	}

	/**
	 * Create a transport on the client library Spring Boot detects on the class path,
	 * with default settings.
	 * @return a new transport, to be closed when no longer used
	 */
	public static InsprlHttpTransport detect() {
		return create(ClientHttpRequestFactoryBuilder.detect(), HttpClientSettings.defaults(), DEFAULT_MAX_CONNECTIONS,
				false);
	}

	/**
	 * Return a request factory whose exchanges connect within {@code connectTimeout} and
	 * end within {@code connectTimeout + readTimeout}.
	 * @param connectTimeout the time allowed to open a connection
	 * @param readTimeout the time allowed for the reply once connected
	 * @return a request factory, released when this transport is closed
	 * @throws IllegalStateException if this transport is closed
	 */
	public synchronized ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		Assert.isTrue(connectTimeout != null && !connectTimeout.isNegative() && !connectTimeout.isZero(),
				"connectTimeout must be positive");
		Assert.isTrue(readTimeout != null && !readTimeout.isNegative() && !readTimeout.isZero(),
				"readTimeout must be positive");
		Assert.state(!this.closed, "The insprl HTTP transport is closed");
		Duration deadline = connectTimeout.plus(readTimeout);
		ClientHttpRequestFactory factory = this.library.build(this.settings.withTimeouts(connectTimeout, readTimeout),
				deadline, this.maxConnections);
		this.opened.add(factory);
		return new DeadlineRequestFactory(factory, this.watchdog, deadline);
	}

	/**
	 * Return the client library this transport sends with.
	 * @return a short name, such as {@code http-components} or {@code jdk}
	 */
	public String getLibrary() {
		return this.library.name();
	}

	@Override
	public void destroy() {
		close();
	}

	/**
	 * Return whether this transport is closed, so that nothing more can be sent through
	 * it.
	 * @return {@code true} once {@link #close()} has been called
	 */
	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.watchdog.close();
		for (ClientHttpRequestFactory factory : this.opened) {
			this.library.release(factory);
		}
		this.opened.clear();
		if (this.bodyWriters != null) {
			this.bodyWriters.shutdown();
		}
	}

	/**
	 * Spring's JDK request factory writes each request body on the client's executor and,
	 * when the client has none, starts a new thread per request: the insprl client's
	 * {@code HttpClient} gets a pool of reused daemon threads instead.
	 * @return the pool
	 */
	private static ExecutorService newBodyWriters() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("insprl-http-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
	}

}
