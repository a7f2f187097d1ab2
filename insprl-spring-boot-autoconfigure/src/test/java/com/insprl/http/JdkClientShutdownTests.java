package com.insprl.http;

import java.time.Duration;
import java.util.Set;
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
 * On Java 21 and later the JDK {@code HttpClient} can be shut down: closing the transport
 * ends its selector thread, rather than leaving it to the garbage collector.
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
			assertThat(started).as("the insprl client's selector thread").hasSize(1);
			transport.close();
			Thread selector = started.iterator().next();
			selector.join(10_000);
			assertThat(selector.isAlive()).as("%s after the transport closed", selector.getName()).isFalse();
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
