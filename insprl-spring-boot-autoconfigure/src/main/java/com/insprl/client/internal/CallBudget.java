package com.insprl.client.internal;

import java.time.Duration;

import com.insprl.http.internal.CallDeadline;

/**
 * The time one call may take in all: its attempts, back-offs, {@code Retry-After} waits
 * and rate-limit waits. Once it is spent the call ends with the failure it would have
 * met, and that failure says so.
 */
public final class CallBudget {

	private final Duration timeout;

	private final long deadline;

	private final Duration minAttemptTime;

	private volatile boolean spent;

	/**
	 * Create the budget of a call.
	 * @param timeout the time the call may take; one of more than a century (such as
	 * {@code Long.MAX_VALUE} seconds, for "no limit") is held as a century, so that the
	 * other bounds decide
	 * @param startNanos when it started, in {@link System#nanoTime()} terms
	 * @param minAttemptTime the least time a wait must leave for an attempt after it
	 */
	public CallBudget(Duration timeout, long startNanos, Duration minAttemptTime) {
		this.timeout = timeout;
		this.minAttemptTime = minAttemptTime;
		this.deadline = startNanos + ((timeout.compareTo(RetryAfter.MAX) < 0) ? timeout : RetryAfter.MAX).toNanos();
	}

	/**
	 * Return the time left, zero once spent.
	 * @return the time left
	 */
	public Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.deadline - System.nanoTime()));
	}

	/**
	 * Return the longest the call may wait before an attempt: what is left, less the
	 * least time for the attempt after it; zero when no wait fits.
	 * @return the longest wait
	 */
	public Duration waitable() {
		Duration waitable = remaining().minus(this.minAttemptTime);
		return waitable.isNegative() ? Duration.ZERO : waitable;
	}

	/**
	 * Return whether a wait fits in what is left, leaving the least time for an attempt
	 * after it.
	 * @param wait the wait
	 * @return {@code true} if the call may wait that long
	 */
	public boolean fits(Duration wait) {
		return wait.plus(this.minAttemptTime).compareTo(remaining()) < 0;
	}

	/**
	 * Cap the attempts the calling thread makes by what is left, until the scope closes.
	 * @return the scope
	 */
	public CallDeadline.Scope capAttempts() {
		return CallDeadline.until(this.deadline);
	}

	/**
	 * The call ends because the budget cannot cover what would come next.
	 */
	public void spend() {
		this.spent = true;
	}

	/**
	 * Return whether the call ended because the budget could not cover what came next.
	 * @return {@code true} once spent
	 */
	public boolean isSpent() {
		return this.spent;
	}

	/**
	 * Return the time the call may take in all.
	 * @return the call timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
