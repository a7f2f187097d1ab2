package com.insprl.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the rate limit's permit a call asks for: which bound a refusal names when the
 * wait is exactly the longest a call may wait, and a limiter's error.
 */
class CallPermitTests {

	private static final InsprlClient.Operation LOGOUT = new InsprlClient.Operation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, true);

	private static final Duration MAX_WAIT = Duration.ofSeconds(5);

	private RawHttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = RawHttpServer.start((exchange) -> exchange.write("HTTP/1.1 500 Unexpected\r\n\r\n"));
	}

	@AfterEach
	void stopServer() throws IOException {
		this.server.close();
	}

	@Test
	void aWaitOfExactlyTheLongestWaitIsRefusedAsLongerThanTheCallHasLeftWhenTheCallHasLess() {
		InsprlClient client = client(Duration.ofSeconds(2));
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> logout(client))
			.withMessageContaining("longer than the call has left")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).contains(MAX_WAIT));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aWaitOfExactlyTheLongestWaitIsRefusedAsLongerThanACallMayWaitWhenTheCallHasMore() {
		InsprlClient client = client(Duration.ofSeconds(30));
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> logout(client))
			.withMessageContaining("longer than the 5s a call may wait");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void anErrorOfTheLimiterIsRethrownAsItIs() {
		NoClassDefFoundError error = new NoClassDefFoundError("org/example/Missing");
		InsprlClient client = client(Duration.ofSeconds(30), new Busy() {

			@Override
			public Duration acquire(String account, Duration maxWait) {
				throw error;
			}

		});
		assertThatExceptionOfType(NoClassDefFoundError.class).isThrownBy(() -> logout(client)).isSameAs(error);
		assertThat(this.server.requests()).isEmpty();
	}

	private InsprlClient client(Duration callTimeout) {
		return client(callTimeout, new Busy());
	}

	private InsprlClient client(Duration callTimeout, InsprlRateLimiter limiter) {
		return InsprlClient.builder()
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
			.baseUrl(this.server.baseUrl())
			.credentials(TestAccount.credentials())
			.rateLimiter(limiter, MAX_WAIT)
			.callTimeout(callTimeout)
			.build();
	}

	private static InsprlClient.Reply logout(InsprlClient client) {
		try {
			return client.post(LOGOUT, Map.of("instance_id", "inst-1"));
		}
		finally {
			client.close();
		}
	}

	/**
	 * A limiter whose account must wait exactly the longest a call may wait.
	 */
	private static class Busy implements InsprlRateLimiter {

		@Override
		public Duration acquire(String account, Duration maxWait) {
			return MAX_WAIT;
		}

		@Override
		public void pause(String account, Duration pause, String reason) {
		}

	}

}
