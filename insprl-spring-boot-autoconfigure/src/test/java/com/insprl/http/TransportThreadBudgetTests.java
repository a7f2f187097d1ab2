package com.insprl.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.insprl.client.InsprlClient;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default transport starts no thread per call. On Java 17 with two CPUs, a transport
 * that hands each request to {@code CompletableFuture}'s default executor starts one per
 * call (1,000 per 1,000); the bound here is generous, and cannot be reached by chance:
 * the stub serves every request on one kept-alive connection, on one thread started
 * before the count.
 */
@Isolated("counts every thread the JVM starts")
class TransportThreadBudgetTests {

	private static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	/**
	 * On Apache HttpClient and on the JDK client (sent with its blocking {@code send},
	 * not through {@code CompletableFuture}'s default executor, which on two processors
	 * starts a thread per task), 1,000 calls start no thread.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jdk" })
	void noTransportStartsAThreadPerCall(String library) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ClientHttpRequestFactoryBuilder<?> builder = library.equals("jdk") ? ClientHttpRequestFactoryBuilder.jdk()
				: ClientHttpRequestFactoryBuilder.detect();
		try (RawHttpServer stub = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ OK.length() + "\r\n\r\n" + OK));
				InsprlHttpTransport transport = InsprlHttpTransport.create(builder, HttpClientSettings.defaults(),
						100)) {
			assertThat(transport.getLibrary()).isEqualTo(library);
			InsprlWhatsAppService service = new InsprlWhatsAppService(InsprlClient.builder()
				.transport(transport)
				.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
				.baseUrl(stub.baseUrl())
				.credentials(TestAccount.credentials())
				.build(), null);
			// on a thread of the application's own: JUnit's workers are a ForkJoinPool,
			// which
			// starts a thread to make up for each one that blocks
			ExecutorService caller = Executors.newSingleThreadExecutor();
			try {
				caller.submit(() -> service.logout("warm-up")).get(30, TimeUnit.SECONDS);
				long started = caller.submit(() -> {
					for (int i = 0; i < 200; i++) {
						service.logout("warm-up");
					}
					long before = threads.getTotalStartedThreadCount();
					for (int i = 0; i < 1000; i++) {
						service.logout("measured");
					}
					return threads.getTotalStartedThreadCount() - before;
				}).get(60, TimeUnit.SECONDS);
				assertThat(started).as("platform threads started in 1,000 calls").isLessThanOrEqualTo(10);
			}
			finally {
				caller.shutdownNow();
			}
			assertThat(stub.connections()).as("connections the stub accepted").isEqualTo(1);
		}
	}

}
