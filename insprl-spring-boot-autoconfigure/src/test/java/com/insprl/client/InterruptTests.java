package com.insprl.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interrupt ends a call as {@code INTERRUPTED}, not retried, with the caller's flag
 * kept, and says whether the request may have reached insprl; on the JDK client, whose
 * wait for a reply answers an interrupt at once.
 */
class InterruptTests {

	private static final RetrySettings RETRIES = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(20),
			2.0);

	@Test
	void anInterruptWhileWaitingForTheReplyEndsTheCallAsPossiblyProcessed() throws Exception {
		CountDownLatch arrived = new CountDownLatch(1);
		try (RawHttpServer insprl = RawHttpServer.start((exchange) -> {
			arrived.countDown();
			exchange.hold();
		})) {
			InsprlWhatsAppService service = service(insprl);
			CompletableFuture<Object[]> outcome = new CompletableFuture<>();
			Thread caller = new Thread(() -> {
				try {
					service.logout("inst-1");
					outcome.complete(new Object[] { null, Thread.currentThread().isInterrupted() });
				}
				catch (RuntimeException ex) {
					outcome.complete(new Object[] { ex, Thread.currentThread().isInterrupted() });
				}
			});
			caller.start();
			assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
			caller.interrupt();
			Object[] result = outcome.get(10, TimeUnit.SECONDS);
			assertThat(result[0]).isInstanceOfSatisfying(InsprlConnectionException.class, (ex) -> {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.INTERRUPTED);
				assertThat(ex.isPossiblyProcessed()).as("the request had gone out").isTrue();
				assertThat(ex.getAttempts()).isEqualTo(1);
			});
			assertThat(result[1]).as("the caller's interrupt flag").isEqualTo(true);
			assertThat(insprl.requests()).hasSize(1);
		}
	}

	@Test
	void aCallerAlreadyInterruptedSendsNothing() throws Exception {
		try (RawHttpServer insprl = RawHttpServer.start(RawHttpServer.Exchange::hold)) {
			InsprlWhatsAppService service = service(insprl);
			Thread.currentThread().interrupt();
			try {
				service.logout("inst-1");
			}
			catch (InsprlConnectionException ex) {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.INTERRUPTED);
				assertThat(ex.isPossiblyProcessed()).as("nothing was sent").isFalse();
			}
			finally {
				assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
			}
			assertThat(insprl.requests()).isEmpty();
		}
	}

	private final InsprlHttpTransport jdk = InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.jdk(),
			HttpClientSettings.defaults(), 10);

	@AfterEach
	void close() {
		this.jdk.close();
	}

	private InsprlWhatsAppService service(RawHttpServer insprl) {
		return new InsprlWhatsAppService(InsprlClient.builder()
			.transport(this.jdk)
			.baseUrl(insprl.baseUrl())
			.credentials(TestAccount.credentials())
			.maxAttempts(RETRIES.maxAttempts())
			.backoff(RETRIES.initialBackoff(), RETRIES.maxBackoff(), RETRIES.multiplier())
			.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
			.build(), null);
	}

}
