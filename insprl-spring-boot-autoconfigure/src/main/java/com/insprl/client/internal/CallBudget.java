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

	private volatile boolean spent;

	/**
	 * Create the budget of a call.
	 * @param timeout the time the call may take; one of more than a century (such as
	 * {@code Long.MAX_VALUE} seconds, for "no limit") is held as a century, so that the
	 * other bounds decide
	 * @param startNanos when it started, in {@link System#nanoTime()} terms
	 */
	public CallBudget(Duration timeout, long startNanos) {
		this.timeout = timeout;
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
	 * Return whether a wait fits in what is left, leaving time to send after it.
	 * @param wait the wait
	 * @return {@code true} if the call may wait that long
	 */
	public boolean fits(Duration wait) {
		return wait.compareTo(remaining()) < 0;
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
