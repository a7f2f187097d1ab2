package com.insprl.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.insprl.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FailoverRateLimiter}.
 */
class FailoverRateLimiterTests {

	private final MutableClock clock = new MutableClock();

	private final FlakyStore store = new FlakyStore();

	private final InsprlRateLimiter local = new LocalRateLimiter(1000, 1000);

	@Test
	void anUnreachableStoreIsSkippedForTheRetryIntervalThenTriedAgain() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock);
		this.store.down = true;
		assertThat(limiter.acquire("client-42", Duration.ZERO)).as("the local limit permits").isZero();
		assertThat(this.store.calls.get()).isEqualTo(1);
		assertThat(limiter.healthDetails().get("state").toString()).contains("store unreachable since");
		this.clock.advance(Duration.ofSeconds(4));
		limiter.acquire("client-42", Duration.ZERO);
		assertThat(this.store.calls.get()).as("not asked within the retry interval").isEqualTo(1);
		this.store.down = false;
		this.clock.advance(Duration.ofSeconds(2));
		limiter.acquire("client-42", Duration.ZERO);
		assertThat(this.store.calls.get()).as("asked again after it").isEqualTo(2);
		assertThat(limiter.healthDetails()).containsEntry("state", "shared");
		assertThat(limiter.isFailing()).isFalse();
	}

	@Test
	void failingClosedRefusesWhileTheStoreIsUnreachable() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, false, this.clock);
		this.store.down = true;
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		assertThat(limiter.isFailing()).isTrue();
		assertThat(limiter.healthDetails().get("state").toString()).endsWith("calls fail");
	}

	@Test
	void aPauseReachesTheLocalLimitEvenWhenTheStoreIsUnreachable() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock);
		this.store.down = true;
		limiter.pause("client-42", Instant.now().plusSeconds(60));
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isGreaterThan(Duration.ofSeconds(50));
	}

	@Test
	void aPauseThatCannotReachTheStoreMarksItUnreachable() {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, false, this.clock);
		this.store.down = true;
		limiter.pause("client-42", Instant.now().plusSeconds(60));
		assertThat(limiter.isFailing()).isTrue();
		assertThat(limiter.healthDetails().get("state").toString()).startsWith("store unreachable since");
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO))
			.withMessageContaining("unreachable since");
		assertThat(this.store.calls.get()).as("not asked within the retry interval").isZero();
	}

	@Test
	void closingTheLimiterClosesTheSharedOne() throws Exception {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock);
		assertThat(this.store.closed).isFalse();
		limiter.close();
		assertThat(this.store.closed).isTrue();
	}

	static final class FlakyStore implements InsprlRateLimiter, AutoCloseable {

		final AtomicInteger calls = new AtomicInteger();

		volatile boolean down;

		volatile boolean closed;

		@Override
		public Duration acquire(String account, Duration maxWait) {
			this.calls.incrementAndGet();
			if (this.down) {
				throw new RateLimitStoreException("Redis did not answer", null);
			}
			return Duration.ZERO;
		}

		@Override
		public void pause(String account, Instant until) {
			if (this.down) {
				throw new RateLimitStoreException("Redis did not answer", null);
			}
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
