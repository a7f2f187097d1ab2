package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.insprl.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pauses a {@link LocalRateLimiter} shows and lifts.
 */
class LocalRateLimiterPausesTests {

	private final MutableClock clock = new MutableClock();

	private final LocalRateLimiter limiter = new LocalRateLimiter(2, 3, this.clock);

	@Test
	void thePausedAccountsAreListedSoonestFirstWithWhy() throws InterruptedException {
		Instant before = Instant.now();
		this.limiter.pause("client-42", Duration.ofMinutes(10), "Retry-After 600s (HTTP 429, code 129)");
		this.limiter.pause("customer-7", Duration.ofMinutes(5), "usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)");
		this.limiter.pause("customer-8", Duration.ofMinutes(1), "paused");
		this.limiter.acquire("customer-9", Duration.ZERO);
		List<PauseRegistry.Pause> pauses = this.limiter.pauses(10);
		assertThat(pauses).extracting(PauseRegistry.Pause::account)
			.containsExactly("customer-8", "customer-7", "client-42");
		assertThat(pauses).extracting(PauseRegistry.Pause::reason)
			.containsExactly("paused", "usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)",
					"Retry-After 600s (HTTP 429, code 129)");
		assertThat(pauses.get(2).until()).isBetween(before.plus(Duration.ofMinutes(10)),
				Instant.now().plus(Duration.ofMinutes(10)));
	}

	@Test
	void atMostTheLimitIsListedTheSoonestToEnd() {
		for (int i = 1; i <= 500; i++) {
			this.limiter.pause("customer-" + i, Duration.ofSeconds(i), "paused");
		}
		assertThat(this.limiter.pauses(3)).extracting(PauseRegistry.Pause::account)
			.containsExactly("customer-1", "customer-2", "customer-3");
		assertThat(this.limiter.pauses(0)).isEmpty();
	}

	@Test
	void aPauseThatIsOverIsNotListed() {
		this.limiter.pause("client-42", Duration.ofSeconds(30), "paused");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.limiter.pauses(10)).isEmpty();
	}

	@Test
	void aLongerPauseKeepsItsReasonAndAShorterOneChangesNothing() {
		this.limiter.pause("client-42", Duration.ofMinutes(10), "Retry-After 600s (HTTP 429)");
		this.limiter.pause("client-42", Duration.ofMinutes(1), "Retry-After 60s (HTTP 429)");
		assertThat(this.limiter.pauses(10)).singleElement()
			.extracting(PauseRegistry.Pause::reason)
			.isEqualTo("Retry-After 600s (HTTP 429)");
		this.limiter.pause("client-42", Duration.ofMinutes(20), "usage limit (HTTP 429, code 129)");
		assertThat(this.limiter.pauses(10)).singleElement()
			.extracting(PauseRegistry.Pause::reason)
			.isEqualTo("usage limit (HTTP 429, code 129)");
	}

	@Test
	void liftingAPauseLetsTheNextPermitThroughAndKeepsTheBudget() throws InterruptedException {
		this.limiter.pause("client-42", Duration.ofMinutes(10), "paused");
		assertThat(this.limiter.acquire("client-42", Duration.ZERO)).isPositive();
		assertThat(this.limiter.lift("client-42")).isTrue();
		assertThat(this.limiter.pauses(10)).isEmpty();
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.acquire("client-42", Duration.ZERO)).isZero();
		}
		assertThat(this.limiter.acquire("client-42", Duration.ZERO)).as("the budget is still kept").isPositive();
	}

	@Test
	void liftingAnAccountThatIsNotPausedSaysSo() {
		assertThat(this.limiter.lift("client-42")).isFalse();
		this.limiter.pause("client-42", Duration.ofSeconds(1), "paused");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.limiter.lift("client-42")).isFalse();
	}

	@Test
	void aLimiterOfPausesOnlyListsAndLiftsThemToo() throws InterruptedException {
		LocalRateLimiter pausesOnly = LocalRateLimiter.pausesOnly(this.clock);
		pausesOnly.pause("client-42", Duration.ofSeconds(30), "Retry-After 30s (HTTP 429)");
		assertThat(pausesOnly.pauses(10)).extracting(PauseRegistry.Pause::account).containsExactly("client-42");
		assertThat(pausesOnly.lift("client-42")).isTrue();
		assertThat(pausesOnly.acquire("client-42", Duration.ZERO)).isZero();
	}

}
