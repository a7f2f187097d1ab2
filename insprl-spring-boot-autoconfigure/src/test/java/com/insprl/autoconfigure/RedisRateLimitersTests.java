package com.insprl.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisRateLimiters}.
 */
class RedisRateLimitersTests {

	@Test
	void aRedisRequestTakesTheStoreTimeoutButNeverMoreThanACallMayWait() {
		assertThat(RedisRateLimiters.requestTimeout(Duration.ofSeconds(1), Duration.ofSeconds(10)))
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(RedisRateLimiters.requestTimeout(Duration.ofSeconds(10), Duration.ofSeconds(30)))
			.isEqualTo(Duration.ofSeconds(10));
		assertThat(RedisRateLimiters.requestTimeout(Duration.ofSeconds(10), Duration.ofSeconds(3)))
			.isEqualTo(Duration.ofSeconds(3));
		assertThat(RedisRateLimiters.requestTimeout(Duration.ofSeconds(1), Duration.ZERO))
			.as("a call that may not wait still lets Redis answer")
			.isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void aCallWaitsForTheConnectionAsLongAsForAPermitAndAtLeastARequestsTimeout() {
		assertThat(RedisRateLimiters.connectWait(Duration.ofSeconds(1), Duration.ofSeconds(10)))
			.isEqualTo(Duration.ofSeconds(10));
		assertThat(RedisRateLimiters.connectWait(Duration.ofMillis(100), Duration.ZERO))
			.isEqualTo(Duration.ofMillis(100));
	}

}
