package com.insprl.ratelimit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocalRateLimiter}.
 */
class LocalRateLimiterTests {

	private final LocalRateLimiter limiter = new LocalRateLimiter(2, 3);

	@Test
	void theBurstIsPermittedAtOnceThenTheRate() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.acquire("client-42", Duration.ZERO)).as("permit %d of the burst", i + 1)
				.isZero();
		}
		Duration refused = this.limiter.acquire("client-42", Duration.ZERO);
		assertThat(refused).as("the wait for the next token at 2 per second").isPositive()
			.isLessThanOrEqualTo(Duration.ofMillis(500));
		assertThat(this.limiter.acquire("client-42", Duration.ofSeconds(2))).as("permitted after waiting").isZero();
	}

	@Test
	void eachAccountHasItsOwnBudget() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			this.limiter.acquire("client-42", Duration.ZERO);
		}
		assertThat(this.limiter.acquire("client-42", Duration.ZERO)).isPositive();
		assertThat(this.limiter.acquire("customer-7", Duration.ZERO)).isZero();
	}

	@Test
	void aPauseLongerThanTheWaitAllowedIsRefusedWithItsLength() throws InterruptedException {
		this.limiter.pause("client-42", Instant.now().plusSeconds(30));
		assertThat(this.limiter.acquire("client-42", Duration.ofSeconds(1))).isGreaterThan(Duration.ofSeconds(29))
			.isLessThanOrEqualTo(Duration.ofSeconds(30));
		assertThat(this.limiter.acquire("customer-7", Duration.ZERO)).isZero();
	}

	@Test
	void aShorterPauseIsWaitedOut() throws InterruptedException {
		this.limiter.pause("client-42", Instant.now().plusMillis(200));
		long start = System.nanoTime();
		assertThat(this.limiter.acquire("client-42", Duration.ofSeconds(5))).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void theConfiguredRateMustBePositive() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new LocalRateLimiter(0, 1));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new LocalRateLimiter(1, 0));
	}

}
