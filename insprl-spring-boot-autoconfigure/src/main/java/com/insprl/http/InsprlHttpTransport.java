package com.insprl.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.insprl.http.internal.Durations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.ClientHttpRequestFactory;
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
 * The connect and read timeouts are given to the library as Spring Boot gives it
 * {@code spring.http.clients.connect-timeout} and {@code read-timeout}, so they mean what
 * they mean there; the deadline bounds the whole exchange behind them. With Apache
 * HttpClient 5 and Jetty the exchange is cancelled through the library at the deadline,
 * whatever it is doing; Apache HttpClient's pool is sized and its message limits are set.
 * With the JDK {@code HttpClient} and Reactor Netty the library's own timer, set to the
 * shorter of the read timeout and the deadline, bounds the wait for the reply's head, and
 * the transport bounds the body. With the JDK's {@code HttpURLConnection}
 * ({@code simple}) the connection is disconnected at the deadline. No thread is
 * interrupted.
 * <p>
 * {@link #close()} releases what the transport opened: its deadline thread, Apache
 * HttpClient's connection pool, the JDK client (on Java 21 and later), once the exchanges
 * in flight are over.
 */
public final class InsprlHttpTransport implements DisposableBean, AutoCloseable {

	private static final Log logger = LogFactory.getLog(InsprlHttpTransport.class);

	private final ClientLibrary library;

	private final HttpClientSettings settings;

	private final int maxConnections;

	private final AttemptWatchdog watchdog;

	private final List<ClientHttpRequestFactory> opened = new ArrayList<>();

	private final InFlight inFlight = new InFlight();

	private volatile boolean closed;

	private InsprlHttpTransport(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings,
			int maxConnections) {
		this.settings = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		this.maxConnections = maxConnections;
		this.watchdog = new AttemptWatchdog();
		this.library = ClientLibrary.of(builder);
		this.library.warnIfHeadersAreLogged(logger);
	}

	/**
	 * Create a transport.
	 * @param builder the client library's request factory builder, such as Spring Boot's
	 * auto-configured one
	 * @param settings the application's HTTP client settings (an SSL bundle, for
	 * example); redirects are never followed whatever they say
	 * @param maxConnections the most connections kept open at once, at least 1, where the
	 * library pools them (Apache HttpClient 5)
	 * @return a new transport, to be closed when no longer used
	 */
	public static InsprlHttpTransport create(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings,
			int maxConnections) {
		Assert.notNull(builder, "builder must not be null");
		Assert.notNull(settings, "settings must not be null");
		Assert.isTrue(maxConnections > 0, "maxConnections must be at least 1");
		return new InsprlHttpTransport(builder, settings, maxConnections);
	}

	/**
	 * Create a transport whose pool, where the library pools connections, keeps the
	 * library's own size.
	 * @param builder the client library's request factory builder
	 * @param settings the application's HTTP client settings; redirects are never
	 * followed whatever they say
	 * @return a new transport, to be closed when no longer used
	 */
	public static InsprlHttpTransport create(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings) {
		Assert.notNull(builder, "builder must not be null");
		Assert.notNull(settings, "settings must not be null");
		return new InsprlHttpTransport(builder, settings, 0);
	}

	/**
	 * Return a request factory whose exchanges connect within {@code connectTimeout} and
	 * end within their {@link #deadline}.
	 * @param connectTimeout the time allowed to open a connection
	 * @param readTimeout the time allowed for the reply once connected
	 * @return a request factory, released when this transport is closed
	 * @throws IllegalStateException if this transport is closed
	 */
	public synchronized ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		Durations.requireTimeout(connectTimeout, "connectTimeout");
		Durations.requireTimeout(readTimeout, "readTimeout");
		Assert.state(!this.closed, "The insprl HTTP transport is closed");
		Duration deadline = deadline(connectTimeout, readTimeout);
		ClientHttpRequestFactory factory = this.library.build(this.settings.withTimeouts(connectTimeout, readTimeout),
				deadline, this.maxConnections);
		this.opened.add(factory);
		return new DeadlineRequestFactory(factory, this.watchdog, deadline, this.inFlight);
	}

	/**
	 * Return the longest an exchange of a {@link #requestFactory} with these timeouts may
	 * take in all: the read timeout on the libraries where it bounds the whole exchange
	 * (the JDK client, Jetty), the connect timeout plus the read timeout on those where
	 * it bounds each read.
	 * @param connectTimeout the time allowed to open a connection
	 * @param readTimeout the read timeout
	 * @return the deadline
	 */
	public Duration deadline(Duration connectTimeout, Duration readTimeout) {
		return this.library.deadline(connectTimeout, readTimeout);
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

	/**
	 * Close the transport: nothing more is sent through it, each exchange in flight ends
	 * with what insprl answered (or its deadline), and what the transport opened is
	 * released once the last one is over.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.inFlight.close(this::release);
	}

	private synchronized void release() {
		this.watchdog.close();
		for (ClientHttpRequestFactory factory : this.opened) {
			this.library.release(factory);
		}
		this.opened.clear();
	}

}
