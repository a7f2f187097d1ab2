package com.insprl.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.insprl.client.internal.CallBudget;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry policy of one call. A failure is retried only when a retry can help
 * ({@link InsprlException#isRetryable()}), when repeating the request cannot do harm (the
 * operation is idempotent, or the request certainly did not take effect), and while the
 * thread is not interrupted. The wait honours a rate limit's {@code Retry-After} up to
 * {@link RetrySettings#maxBackoff()}; a longer one ends the call at once, and a shorter
 * one (zero, or a date in the past) still waits the back-off, so that a server asking for
 * no wait is not hammered.
 * <p>
 * Every wait counts against the call's budget: a retry whose wait would not leave time to
 * send is not started, and the call ends with the last failure.
 * <p>
 * Not shared: it remembers the last failure so the back-off can read its
 * {@code Retry-After}.
 */
final class CallRetryPolicy implements RetryPolicy, BackOff {

	private final InsprlClient.Operation operation;

	private final RetrySettings settings;

	private final CallBudget budget;

	private @Nullable Throwable lastFailure;

	CallRetryPolicy(InsprlClient.Operation operation, RetrySettings settings, CallBudget budget) {
		this.operation = operation;
		this.settings = settings;
		this.budget = budget;
	}

	@Override
	public boolean shouldRetry(Throwable failure) {
		this.lastFailure = failure;
		if (Thread.currentThread().isInterrupted() || !(failure instanceof InsprlException insprl)
				|| !insprl.isRetryable()) {
			return false;
		}
		if (!this.operation.idempotent()
				&& (insprl.isPossiblyProcessed() || !(insprl instanceof InsprlConnectionException))) {
			// sent at most once: retried only when the request certainly never reached
			// insprl
			return false;
		}
		if (insprl instanceof InsprlRateLimitException rateLimit && rateLimit.isRefusedByClient()) {
			return false;
		}
		Duration retryAfter = retryAfter(failure);
		return retryAfter == null || retryAfter.compareTo(this.settings.maxBackoff()) <= 0;
	}

	@Override
	public BackOff getBackOff() {
		return this;
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private int retries;

			@Override
			public long nextBackOff() {
				this.retries++;
				if (this.retries >= CallRetryPolicy.this.settings.maxAttempts()) {
					return STOP;
				}
				long backoff = CallRetryPolicy.this.settings.backoffMillis(this.retries,
						ThreadLocalRandom.current().nextDouble());
				Duration retryAfter = retryAfter(CallRetryPolicy.this.lastFailure);
				long wait = (retryAfter != null) ? Math.max(retryAfter.toMillis(), backoff) : backoff;
				if (!CallRetryPolicy.this.budget.fits(Duration.ofMillis(wait))) {
					CallRetryPolicy.this.budget.spend();
					return STOP;
				}
				return wait;
			}

		};
	}

	private static @Nullable Duration retryAfter(@Nullable Throwable failure) {
		return (failure instanceof InsprlRateLimitException rateLimit) ? rateLimit.getRetryAfter().orElse(null) : null;
	}

}
