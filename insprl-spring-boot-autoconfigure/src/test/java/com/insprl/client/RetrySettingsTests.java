package com.insprl.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RetrySettings}.
 */
class RetrySettingsTests {

	@Test
	void backoffGrowsExponentiallyWithJitterUpToTheCap() {
		RetrySettings settings = new RetrySettings(10, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
		assertThat(settings.backoffMillis(1, 0.0)).isEqualTo(100);
		assertThat(settings.backoffMillis(1, 0.999)).isBetween(199L, 200L);
		assertThat(settings.backoffMillis(2, 0.0)).isEqualTo(200);
		assertThat(settings.backoffMillis(3, 0.5)).isEqualTo(600);
		assertThat(settings.backoffMillis(10, 0.0)).isEqualTo(2500);
		assertThat(settings.backoffMillis(10, 0.999)).isBetween(4990L, 5000L);
	}

	@Test
	void aBackoffLongerThanACenturyIsRefusedNamingTheLongest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(3, Duration.ofMillis(200), Duration.ofSeconds(Long.MAX_VALUE), 2.0))
			.withMessageStartingWith("maxBackoff must be at most 36500d");
		RetrySettings longest = new RetrySettings(3, Duration.ofDays(36500), Duration.ofDays(36500), 2.0);
		assertThat(longest.backoffMillis(2, 0.999)).isPositive();
	}

}
