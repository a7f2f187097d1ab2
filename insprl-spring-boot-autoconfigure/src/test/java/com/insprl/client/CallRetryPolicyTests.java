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

	private static final InsprlOperation LOGOUT = new InsprlOperation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlOperation.AuthScheme.RAW_KEY, true);

	private static final InsprlRetrySettings SETTINGS = new InsprlRetrySettings(3, Duration.ofMillis(200),
			Duration.ofSeconds(5), 2.0);

	private final CallRetryPolicy policy = new CallRetryPolicy(LOGOUT, SETTINGS,
			new CallBudget(Duration.ofMinutes(1), System.nanoTime()));

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

	private static InsprlRateLimitException throttle(Duration retryAfter) {
		return new InsprlRateLimitException("insprl asked to slow down", LOGOUT.name(), 429, null, List.of(),
				retryAfter);
	}

}
