package com.insprl.client;

import java.time.Duration;

import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How the client retries a failed call: at most {@code maxAttempts} attempts in all, with
 * an exponential, jittered back-off between them.
 *
 * @param maxAttempts attempts in all, including the first; {@code 1} turns retries off
 * @param initialBackoff the wait before the first retry (before jitter)
 * @param maxBackoff the longest wait between attempts; also the longest
 * {@code Retry-After} the client waits for (a longer one ends the call at once)
 * @param multiplier the factor each wait grows by
 */
record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

	/** One attempt: no retries. */
	static final RetrySettings NONE = new RetrySettings(1, Duration.ZERO, Duration.ZERO, 1.0);

	RetrySettings {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(initialBackoff != null && !initialBackoff.isNegative(),
				"initialBackoff must not be null or negative");
		Assert.isTrue(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
				"maxBackoff must not be shorter than initialBackoff");
		Durations.requireWait(maxBackoff, "maxBackoff");
		Assert.isTrue(multiplier >= 1.0, "multiplier must be at least 1");
	}

	/**
	 * Return the wait before the given retry:
	 * {@code initialBackoff * multiplier^(retry-1)}, capped at {@code maxBackoff}, then
	 * "equal jitter": a random point in its upper half, so that many clients failing
	 * together do not retry in lock-step.
	 * @param retry the retry number, from 1
	 * @param random a value in {@code [0, 1)}
	 * @return the wait in milliseconds
	 */
	long backoffMillis(int retry, double random) {
		double exponential = this.initialBackoff.toMillis() * Math.pow(this.multiplier, retry - 1);
		long capped = (long) Math.min(exponential, this.maxBackoff.toMillis());
		return capped / 2 + (long) (random * (capped - capped / 2));
	}

	/**
	 * Return these settings with another most attempts.
	 * @param maxAttempts the most attempts, or {@code null} to keep these settings'
	 * @return the settings
	 */
	RetrySettings withMaxAttempts(@Nullable Integer maxAttempts) {
		return (maxAttempts != null)
				? new RetrySettings(maxAttempts, this.initialBackoff, this.maxBackoff, this.multiplier) : this;
	}

}
