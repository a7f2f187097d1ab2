package com.insprl.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for how a call with retries off ends when its time runs out or its thread is
 * interrupted, against a WireMock stub on loopback. (With retries on, the fault suites
 * cover the same for every client library.)
 */
class CallTimeoutTests {

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	static final InsprlHttpTransport transport = Transports.detect();

	@AfterAll
	static void closeTransport() {
		transport.close();
	}

	private static InsprlClientBuilder client(Duration readTimeout) {
		return InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), readTimeout)
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", TestAccount.KEY))
			.maxAttempts(1);
	}

	@Test
	void aCallTimeoutThatCutsTheOnlyAttemptIsReportedAsSpent() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS).withFixedDelay(5000)));
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(1)).build(), null);
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT);
				assertThat(ex.isCallTimeoutSpent()).isTrue();
				assertThat(ex.getMessage()).endsWith("(call timeout 1s spent after 1 attempt)");
			});
	}

	@Test
	void aReadTimeoutWithinTheCallTimeoutIsNotReportedAsTheCallTimeout() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS).withFixedDelay(5000)));
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(30)).build(), null);
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT);
				assertThat(ex.isCallTimeoutSpent()).isFalse();
				assertThat(ex.getMessage()).doesNotContain("call timeout");
			});
	}

	/**
	 * A rate-limit wait that would leave the call less than the least time for an attempt
	 * (300 ms by default) is not waited: the call ends at once, unsent, as its call
	 * timeout spent, rather than send a request that could only time out after insprl may
	 * have processed it.
	 */
	@Test
	void aWaitThatWouldLeaveTooLittleForAnAttemptEndsTheCallUnsent() throws InterruptedException {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS).withFixedDelay(400)));
		LocalRateLimiter limiter = new LocalRateLimiter(1, 1);
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client(Duration.ofSeconds(5)).rateLimiter(limiter, Duration.ofSeconds(30))
					.callTimeout(Duration.ofMillis(1080))
					.minAttemptTime(Duration.ofMillis(300))
					.build(),
				null);
		// the account's permit for this second is taken: the next is a second away, which
		// would leave the call 80 ms for a server that answers in 400 ms
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> service.logout("hopeless"))
			.satisfies((ex) -> {
				assertThat(ex.isRefusedByClient()).isTrue();
				assertThat(ex.isCallTimeoutSpent()).isTrue();
				assertThat(ex.isPossiblyProcessed()).isFalse();
				assertThat(ex.getAttempts()).isZero();
			});
		insprl.verify(0, postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH))
			.withRequestBody(containing("instance_id=hopeless")));
	}

	@Test
	void anInterruptWhileWaitingForAPermitEndsTheCallUnsentAndKeepsTheFlag() {
		insprl.stubFor(post(TestAccount.LOGOUT_PATH).willReturn(okJson(TestAccount.SUCCESS)));
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client(Duration.ofSeconds(5)).rateLimiter(new LocalRateLimiter(0.1, 1), Duration.ofSeconds(30)).build(),
				null);
		service.logout("permit-1");
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> service.logout("permit-2"))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.INTERRUPTED);
					assertThat(ex.getMessage()).startsWith("Interrupted while waiting to send");
					assertThat(ex.isPossiblyProcessed()).isFalse();
					assertThat(ex.isRetryable()).isFalse();
				});
			assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag, kept").isTrue();
		}
		finally {
			Thread.interrupted();
		}
		// counted by instance id: the tests before this one leave requests that the stub
		// still holds, and records, after it was reset
		insprl.verify(1, postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH))
			.withRequestBody(containing("instance_id=permit-1")));
		insprl.verify(0, postRequestedFor(urlEqualTo(TestAccount.LOGOUT_PATH))
			.withRequestBody(containing("instance_id=permit-2")));
	}

}
