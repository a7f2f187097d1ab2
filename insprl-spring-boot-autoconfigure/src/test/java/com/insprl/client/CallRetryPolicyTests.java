package com.insprl.client;

import java.time.Duration;
import java.util.List;

import com.insprl.client.internal.CallBudget;
import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallRetryPolicy}: a {@code Retry-After} up to the longest back-off is
 * waited for, one past it ends the call.
 */
class CallRetryPolicyTests {

	private static final InsprlClient.Operation LOGOUT = new InsprlClient.Operation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, true);

	private static final RetrySettings SETTINGS = new RetrySettings(3, Duration.ofMillis(200), Duration.ofSeconds(5),
			2.0);

	private final CallRetryPolicy policy = new CallRetryPolicy(LOGOUT, SETTINGS,
			new CallBudget(Duration.ofMinutes(1), System.nanoTime(), Duration.ZERO));

	@Test
	void aThrottleAskingForExactlyTheLongestBackoffIsRetriedAfterIt() {
		assertThat(this.policy.shouldRetry(throttle(SETTINGS.maxBackoff()))).isTrue();
		BackOffExecution backOff = this.policy.getBackOff().start();
		assertThat(backOff.nextBackOff()).isEqualTo(SETTINGS.maxBackoff().toMillis());
	}

	@Test
	void aThrottleAskingForLongerThanTheLongestBackoffIsNotRetried() {
		assertThat(this.policy.shouldRetry(throttle(SETTINGS.maxBackoff().plusSeconds(1)))).isFalse();
	}

	@Test
	void aFailureARetryCannotHelpIsNotRetried() {
		assertThat(this.policy.shouldRetry(new IllegalStateException("not insprl's"))).isFalse();
		assertThat(this.policy.shouldRetry(
				new InsprlApiException("insprl says no", LOGOUT.name(), 400, 104, List.of("INVALID_INSTANCE"))))
			.isFalse();
		assertThat(this.policy.shouldRetry(new InsprlRateLimitException("the daily limit is reached", LOGOUT.name(),
				429, 129, List.of("DAILY_LIMIT_REACHED"), null)))
			.as("a usage limit")
			.isFalse();
	}

	@Test
	void aCallTheClientsOwnRateLimitRefusedIsNotRetried() {
		assertThat(this.policy
			.shouldRetry(InsprlRateLimitException.refusedByClient("paused", LOGOUT.name(), Duration.ofSeconds(1))))
			.isFalse();
	}

	@Test
	void aRequestThatMayHaveTakenEffectIsRetriedOnlyForAnIdempotentOperation() {
		InsprlApiException badGateway = new InsprlApiException("bad gateway", LOGOUT.name(), 502, null, List.of());
		assertThat(badGateway.isPossiblyProcessed()).isTrue();
		assertThat(this.policy.shouldRetry(badGateway)).isTrue();
		InsprlClient.Operation send = new InsprlClient.Operation("whatsapp.message.send", "/whatsapp/message/send",
				InsprlClient.Operation.AuthScheme.RAW_KEY, false);
		assertThat(new CallRetryPolicy(send, SETTINGS,
				new CallBudget(Duration.ofMinutes(1), System.nanoTime(), Duration.ZERO))
			.shouldRetry(badGateway)).isFalse();
	}

	@Test
	void anInterruptedThreadDoesNotRetry() {
		Thread.currentThread().interrupt();
		try {
			assertThat(this.policy.shouldRetry(throttle(Duration.ofSeconds(1)))).isFalse();
		}
		finally {
			Thread.interrupted();
		}
	}

	private static InsprlRateLimitException throttle(Duration retryAfter) {
		return new InsprlRateLimitException("insprl asked to slow down", LOGOUT.name(), 429, null, List.of(),
				retryAfter);
	}

}
