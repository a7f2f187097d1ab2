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
		assertThat(Durations.format(Duration.ofMillis(1300))).isEqualTo("1s300ms");
		assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("1us500ns");
		assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1ms");
		assertThat(Durations.format(Duration.ofHours(49))).isEqualTo("2d1h");
		assertThat(Durations.format(null)).isEqualTo("null");
		// at the ends of the range, no arithmetic overflows
		assertThat(Durations.format(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
			.isEqualTo("106751991167300d15h30m7s999ms");
		assertThat(Durations.format(Duration.ofSeconds(Long.MAX_VALUE, 5_000_000))).endsWith("s5ms");
		assertThat(Durations.format(Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo("PT-2562047788015215H-30M-8S");
		assertThat(Durations.format(Duration.ofSeconds(-Long.MAX_VALUE))).startsWith("-106751991167300d");
	}

	@Test
	void waitsRoundUpToWholeSeconds() {
		assertThat(Durations.roundUpToSeconds(Duration.ofNanos(59_999_822_496L))).isEqualTo(Duration.ofSeconds(60));
		assertThat(Durations.roundUpToSeconds(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
	}

}
