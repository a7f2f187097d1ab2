package com.insprl.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.insprl.client.InsprlClient;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Java 21 and later the JDK {@code HttpClient} can be closed: closing the transport
 * ends its selector thread, rather than leaving it to the garbage collector. The client
 * Spring Boot's builder makes beside it, which the transport never uses, ends its thread
 * once it is collected.
 */
@Isolated("counts the JDK client's selector threads in the JVM")
class JdkClientShutdownTests {

	private static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void closingTheTransportEndsTheJdkClientsSelectorThread() throws Exception {
		Set<Thread> before = selectorThreads();
		try (RawHttpServer stub = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ OK.length() + "\r\n\r\n" + OK))) {
			InsprlHttpTransport transport = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
					HttpClientSettings.defaults(), 10);
			InsprlWhatsAppService service = new InsprlWhatsAppService(InsprlClient.builder()
				.transport(transport)
				.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
				.baseUrl(stub.baseUrl())
				.credentials(TestAccount.credentials())
				.build(), null);
			assertThat(service.logout("inst-1").code()).isEqualTo(100);
			Set<Thread> started = selectorThreads();
			started.removeAll(before);
			assertThat(started)
				.as("the insprl client's selector thread, and that of the client Spring Boot's "
						+ "builder made beside it")
				.hasSize(2);
			transport.close();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (started.stream().filter(Thread::isAlive).count() > 1 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(started.stream().filter(Thread::isAlive)).as("selector threads after the transport closed")
				.hasSizeLessThanOrEqualTo(1);
			System.gc();
			for (Thread selector : started) {
				selector.join(10_000);
				assertThat(selector.isAlive()).as("%s once collected", selector.getName()).isFalse();
			}
		}
	}

	private static Set<Thread> selectorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
			.collect(Collectors.toSet());
	}

}
