package com.insprl.client;

import java.time.Duration;

import com.insprl.http.CallDeadline;

/**
 * The time one call may take in all: its attempts, back-offs, {@code Retry-After} waits
 * and rate-limit waits. Once it is spent the call ends with the failure it would have
 * met, and that failure says so.
 */
final class CallBudget {

	private final Duration timeout;

	private final long deadline;

	private volatile boolean spent;

	CallBudget(Duration timeout, long startNanos) {
		this.timeout = timeout;
		this.deadline = startNanos + timeout.toNanos();
	}

	/**
	 * Return the time left, zero once spent.
	 * @return the time left
	 */
	Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.deadline - System.nanoTime()));
	}

	/**
	 * Return whether a wait fits in what is left, leaving time to send after it.
	 * @param wait the wait
	 * @return {@code true} if the call may wait that long
	 */
	boolean fits(Duration wait) {
		return wait.compareTo(remaining()) < 0;
	}

	/**
	 * Cap the attempts the calling thread makes by what is left, until the scope closes.
	 * @return the scope
	 */
	CallDeadline.Scope capAttempts() {
		return CallDeadline.until(this.deadline);
	}

	/**
	 * The call ends because the budget cannot cover what would come next.
	 */
	void spend() {
		this.spent = true;
	}

	boolean isSpent() {
		return this.spent;
	}

	Duration timeout() {
		return this.timeout;
	}

}
