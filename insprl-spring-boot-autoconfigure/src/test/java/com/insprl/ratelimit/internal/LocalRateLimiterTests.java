package com.insprl.ratelimit.internal;

import java.time.Duration;

import com.insprl.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LocalRateLimiter}.
 */
@Isolated("measures the heap")
class LocalRateLimiterTests {

	private final LocalRateLimiter limiter = new LocalRateLimiter(2, 3);

	@Test
	void theBurstIsPermittedAtOnceThenTheRate() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.acquire("client-42", Duration.ZERO)).as("permit %d of the burst", i + 1).isZero();
		}
		Duration refused = this.limiter.acquire("client-42", Duration.ZERO);
		assertThat(refused).as("the wait for the next token at 2 per second")
			.isPositive()
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
		this.limiter.pause("client-42", Duration.ofSeconds(30), "paused");
		assertThat(this.limiter.acquire("client-42", Duration.ofSeconds(1))).isGreaterThan(Duration.ofSeconds(29))
			.isLessThanOrEqualTo(Duration.ofSeconds(30));
		assertThat(this.limiter.acquire("customer-7", Duration.ZERO)).isZero();
	}

	@Test
	void aShorterPauseIsWaitedOut() throws InterruptedException {
		this.limiter.pause("client-42", Duration.ofMillis(200), "paused");
		long start = System.nanoTime();
		assertThat(this.limiter.acquire("client-42", Duration.ofSeconds(5))).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void theConfiguredRateMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalRateLimiter(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalRateLimiter(1, 0));
	}

	@Test
	void theRateHoldsOnAHandMovedClock() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(10, 5, clock);
		int permitted = 0;
		for (int tick = 0; tick < 1000; tick++) {
			while (limiter.acquire("client-42", Duration.ZERO).isZero()) {
				permitted++;
			}
			clock.advance(Duration.ofMillis(10));
		}
		assertThat(permitted).as("permits in 10 s at 10/s with a burst of 5").isBetween(100, 105);
	}

	@Test
	void anAccountIsForgottenOnceItsBucketIsFullAgain() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(2, 3, clock);
		limiter.acquire("client-42", Duration.ZERO);
		limiter.acquire("customer-7", Duration.ZERO);
		assertThat(limiter.accountsHeld()).isEqualTo(2);
		clock.advance(Duration.ofMillis(400));
		limiter.acquire("customer-8", Duration.ZERO);
		assertThat(limiter.accountsHeld()).as("buckets not yet full").isEqualTo(3);
		clock.advance(Duration.ofSeconds(2));
		limiter.acquire("customer-9", Duration.ZERO);
		assertThat(limiter.accountsHeld()).as("only the account just seen").isEqualTo(1);
	}

	@Test
	void anAccountIsForgottenAtTheInstantItsBucketIsFullAgain() throws InterruptedException {
		MutableClock clock = new MutableClock();
		// one permit a second, a burst of one: the bucket is full again a second after
		// the permit, when the next sweep is due
		LocalRateLimiter limiter = new LocalRateLimiter(1, 1, clock);
		limiter.acquire("client-42", Duration.ZERO);
		clock.advance(Duration.ofSeconds(1));
		limiter.acquire("customer-7", Duration.ZERO);
		assertThat(limiter.accountsHeld()).as("only the account just seen").isEqualTo(1);
	}

	@Test
	void aWallClockThatStepsNeitherStallsNorFreesAnAccount() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(2, 3, clock);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
		}
		limiter.pause("customer-7", Duration.ofSeconds(1), "paused");
		clock.step(Duration.ofHours(-1));
		assertThat(limiter.acquire("client-42", Duration.ZERO)).as("the budget's next permit")
			.isEqualTo(Duration.ofMillis(500));
		assertThat(limiter.acquire("customer-7", Duration.ZERO)).as("the pause's second")
			.isEqualTo(Duration.ofSeconds(1));
		clock.step(Duration.ofHours(2));
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
		assertThat(limiter.acquire("customer-7", Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
		assertThat(limiter.acquire("customer-7", Duration.ZERO)).isZero();
	}

	@Test
	void resetForgetsEveryPauseAndBudget() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(1, 1, clock);
		limiter.acquire("client-42", Duration.ZERO);
		limiter.pause("customer-7", Duration.ofMinutes(10), "paused");
		assertThat(limiter.accountsHeld()).isEqualTo(2);
		limiter.reset();
		assertThat(limiter.accountsHeld()).isZero();
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
		assertThat(limiter.acquire("customer-7", Duration.ZERO)).isZero();
	}

	@Test
	void anyLongestWaitACallerGivesIsTaken() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(1, 1, clock);
		assertThat(limiter.acquire("client-42", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).isZero();
		limiter.pause("client-7", Duration.ofSeconds(Long.MAX_VALUE), "paused");
		assertThat(limiter.acquire("client-7", Duration.ZERO)).isGreaterThan(Duration.ofDays(365L * 99));
	}

	@Test
	void aLocalLimiterNeverFails() {
		assertThat(new LocalRateLimiter(1, 1).isFailing()).isFalse();
		assertThat(LocalRateLimiter.pausesOnly().isFailing()).isFalse();
	}

	@Test
	void aPausedAccountIsKeptUntilItsPauseIsOver() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(2, 3, clock);
		limiter.pause("client-42", Duration.ofSeconds(90), "paused");
		clock.advance(Duration.ofSeconds(70));
		limiter.acquire("customer-7", Duration.ZERO);
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
		clock.advance(Duration.ofSeconds(70));
		limiter.acquire("customer-7", Duration.ZERO);
		assertThat(limiter.accountsHeld()).isEqualTo(1);
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isZero();
	}

	@Test
	void aPauseOfCenturiesIsHeldWithoutOverflow() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(2, 3, clock);
		limiter.pause("client-42", Duration.ofDays(365L * 8000), "paused");
		assertThat(limiter.acquire("client-42", Duration.ofSeconds(1))).isGreaterThan(Duration.ofDays(365L * 99));
	}

	@Test
	void pausesOnlyHoldsNothingButPauses() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = LocalRateLimiter.pausesOnly(clock);
		for (int i = 0; i < 1000; i++) {
			assertThat(limiter.acquire("customer-" + i, Duration.ZERO)).isZero();
		}
		assertThat(limiter.accountsHeld()).isZero();
		limiter.pause("customer-1", Duration.ofSeconds(5), "paused");
		assertThat(limiter.acquire("customer-1", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(5));
		assertThat(limiter.accountsHeld()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(61));
		limiter.acquire("customer-2", Duration.ZERO);
		assertThat(limiter.accountsHeld()).isZero();
	}

	/**
	 * A million accounts each take one permit, then are idle past their refill time: once
	 * the limiter next gives a permit, they retain (nearly) nothing. Heap is measured
	 * after full collections; while the accounts are active it must show them, so that
	 * the measurement itself is seen to work.
	 */
	@Test
	void aMillionIdleAccountsRetainUnderSixteenMebibytes() throws InterruptedException {
		MutableClock clock = new MutableClock();
		LocalRateLimiter limiter = new LocalRateLimiter(2, 3, clock);
		long before = usedHeap();
		for (int i = 0; i < 1_000_000; i++) {
			limiter.acquire("customer-" + i, Duration.ZERO);
		}
		long active = usedHeap() - before;
		assertThat(limiter.accountsHeld()).isEqualTo(1_000_000);
		clock.advance(Duration.ofSeconds(2));
		limiter.acquire("customer-0", Duration.ZERO);
		long idle = usedHeap() - before;
		System.out.printf("1,000,000 accounts: %.1f MiB while active, %.2f MiB once idle%n", active / 1048576.0,
				idle / 1048576.0);
		assertThat(active).as("the active accounts are seen on the heap").isGreaterThan(16L << 20);
		assertThat(limiter.accountsHeld()).isEqualTo(1);
		assertThat(idle).as("retained once idle").isLessThan(16L << 20);
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

}
