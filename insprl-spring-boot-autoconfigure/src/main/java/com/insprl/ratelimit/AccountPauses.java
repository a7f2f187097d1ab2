package com.insprl.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pauses insprl asked for, per account, in this JVM. An account is held only while it
 * is paused, so that an application serving any number of accounts holds no more than
 * those paused at once.
 */
final class AccountPauses implements InsprlRateLimiter {

	private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

	private final Clock clock;

	AccountPauses() {
		this(Clock.systemUTC());
	}

	AccountPauses(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		Duration wait = remaining(account);
		if (wait.isZero()) {
			return Duration.ZERO;
		}
		if (wait.compareTo(maxWait) > 0) {
			return wait;
		}
		Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
		return Duration.ZERO;
	}

	/**
	 * Return how long the account is still paused.
	 * @param account the account
	 * @return the wait, zero when not paused
	 */
	Duration remaining(String account) {
		Instant until = this.pausedUntil.get(account);
		if (until == null) {
			return Duration.ZERO;
		}
		Duration wait = Duration.between(this.clock.instant(), until);
		if (wait.isNegative() || wait.isZero()) {
			this.pausedUntil.remove(account, until);
			return Duration.ZERO;
		}
		return wait;
	}

	@Override
	public void pause(String account, Instant until) {
		this.pausedUntil.merge(account, until, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
	}

}
