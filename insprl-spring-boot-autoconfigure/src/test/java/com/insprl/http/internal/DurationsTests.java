package com.insprl.http.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Durations}.
 */
class DurationsTests {

	@Test
	void durationsReadAsUsersWriteThem() {
		assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
		assertThat(Durations.format(Duration.ofSeconds(-1))).isEqualTo("-1s");
		assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100ms");
		assertThat(Durations.format(Duration.ofMillis(1300))).isEqualTo("1300ms");
		assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("1500ns");
		assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1500us");
		assertThat(Durations.format(Duration.ofHours(49))).isEqualTo("2d1h");
		assertThat(Durations.format(null)).isEqualTo("null");
	}

	@Test
	void waitsRoundUpToWholeSeconds() {
		assertThat(Durations.roundUpToSeconds(Duration.ofNanos(59_999_822_496L))).isEqualTo(Duration.ofSeconds(60));
		assertThat(Durations.roundUpToSeconds(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
	}

}
