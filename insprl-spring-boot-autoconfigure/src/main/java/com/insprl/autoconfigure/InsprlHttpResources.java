package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The HTTP plumbing the insprl client and health probe share, closed with the context.
 * <p>
 * With the JDK {@code HttpClient} (Spring Boot's choice when no other client library is
 * present), Spring's request factory writes each request body on the client's executor,
 * and when the client has none it starts a new thread per request. The insprl client's
 * {@code HttpClient} gets a pool of reused daemon threads instead. Other client libraries
 * (Apache HttpClient, Jetty, Reactor Netty) are used as they are.
 */
final class InsprlHttpResources implements DisposableBean {

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final HttpClientSettings settings;

	private final ExecutorService executor;

	InsprlHttpResources(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings settings,
			boolean virtualThreads) {
		this.settings = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		if (requestFactoryBuilder instanceof JdkClientHttpRequestFactoryBuilder jdk && !virtualThreads) {
			CustomizableThreadFactory threads = new CustomizableThreadFactory("insprl-http-");
			threads.setDaemon(true);
			this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
					new SynchronousQueue<>(), threads);
			this.requestFactoryBuilder = jdk.withExecutor(this.executor);
		}
		else {
			this.executor = null;
			this.requestFactoryBuilder = requestFactoryBuilder;
		}
	}

	/**
	 * Build a request factory with the application's HTTP client settings (SSL bundle
	 * included), the given timeouts, and redirects never followed, so the
	 * {@code Authorization} header cannot reach another host.
	 */
	ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		return this.requestFactoryBuilder.build(this.settings.withTimeouts(connectTimeout, readTimeout));
	}

	ExecutorService executor() {
		return this.executor;
	}

	@Override
	public void destroy() {
		if (this.executor != null) {
			this.executor.shutdown();
		}
	}

}
