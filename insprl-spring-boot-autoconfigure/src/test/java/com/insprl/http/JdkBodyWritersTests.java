package com.insprl.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK client writes request bodies on the transport's own pool of daemon threads,
 * unless the application runs on virtual threads.
 */
class JdkBodyWritersTests {

	@Test
	void onPlatformThreadsBodiesAreWrittenOnTheTransportsDaemonThreadsUntilItIsClosed() throws Exception {
		InsprlHttpTransport transport = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
				HttpClientSettings.defaults(), 10, false);
		Executor executor = executor(transport).orElseThrow();
		Thread writer = CompletableFuture.supplyAsync(Thread::currentThread, executor).get(10, TimeUnit.SECONDS);
		assertThat(writer.getName()).startsWith("insprl-http-");
		assertThat(writer.isDaemon()).as("%s is a daemon thread", writer.getName()).isTrue();
		transport.close();
		assertThat(executor).isInstanceOfSatisfying(ExecutorService.class,
				(pool) -> assertThat(pool.isShutdown()).as("the pool once the transport is closed").isTrue());
	}

	@Test
	void onVirtualThreadsTheTransportKeepsNoPoolOfItsOwn() {
		try (InsprlHttpTransport transport = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
				HttpClientSettings.defaults(), 10, true)) {
			assertThat(executor(transport)).isEmpty();
		}
	}

	private static Optional<Executor> executor(InsprlHttpTransport transport) {
		ClientHttpRequestFactory factory = transport.requestFactory(Duration.ofSeconds(1), Duration.ofSeconds(1));
		Object library = ReflectionTestUtils.getField(factory, "library");
		assertThat(library).isInstanceOf(JdkBlockingRequestFactory.class);
		return ((JdkBlockingRequestFactory) library).client().executor();
	}

}
