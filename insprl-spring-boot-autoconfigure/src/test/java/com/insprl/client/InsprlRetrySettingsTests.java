package com.insprl.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlRetrySettings}.
 */
class InsprlRetrySettingsTests {

	@Test
	void backoffGrowsExponentiallyWithJitterUpToTheCap() {
		InsprlRetrySettings settings = new InsprlRetrySettings(10, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
		assertThat(settings.backoffMillis(1, 0.0)).isEqualTo(100);
		assertThat(settings.backoffMillis(1, 0.999)).isBetween(199L, 200L);
		assertThat(settings.backoffMillis(2, 0.0)).isEqualTo(200);
		assertThat(settings.backoffMillis(3, 0.5)).isEqualTo(600);
		assertThat(settings.backoffMillis(10, 0.0)).isEqualTo(2500);
		assertThat(settings.backoffMillis(10, 0.999)).isBetween(4990L, 5000L);
	}

}
