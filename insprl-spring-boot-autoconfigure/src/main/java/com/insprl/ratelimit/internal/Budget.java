package com.insprl.ratelimit.internal;

import org.springframework.util.Assert;

/**
 * A budget of requests per account as the generic cell rate algorithm keeps it: one
 * number per account, the theoretical arrival time ({@code tat}) of its next request. A
 * request at {@code t} is within the budget when {@code t >= tat - tolerance}; taking it
 * moves {@code tat} to {@code max(tat, t) + interval}. {@code interval} is the time
 * between requests at the average rate, and {@code tolerance} lets {@code burst} requests
 * through at once. An account whose {@code tat} has passed has its whole burst again: it
 * holds no state worth keeping.
 *
 * @param interval the time between two requests at the average rate, in the unit of the
 * times given
 * @param tolerance how far ahead of its {@code tat} a request may be, {@code (burst - 1)}
 * intervals
 */
record Budget(long interval, long tolerance) {

	/**
	 * Return the budget of a rate and a burst, in nanoseconds.
	 * @param requestsPerSecond the requests per second, on average
	 * @param burst the requests allowed at once
	 * @return the budget
	 */
	static Budget of(double requestsPerSecond, int burst) {
		Assert.isTrue(requestsPerSecond > 0 && Double.isFinite(requestsPerSecond),
				"requestsPerSecond must be positive");
		Assert.isTrue(burst >= 1, "burst must be at least 1");
		long interval = Math.max(1, Math.round(1_000_000_000d / requestsPerSecond));
		return new Budget(interval, Math.multiplyExact(burst - 1L, interval));
	}

	/**
	 * Return the earliest time a request may be sent.
	 * @param tat the account's theoretical arrival time
	 * @param now the time now
	 * @return the earliest time, {@code now} or later
	 */
	long earliest(long tat, long now) {
		return Math.max(now, tat - this.tolerance);
	}

	/**
	 * Return the account's theoretical arrival time once a request is taken at the given
	 * time.
	 * @param tat the account's theoretical arrival time
	 * @param at when the request is sent
	 * @return the new theoretical arrival time
	 */
	long take(long tat, long at) {
		return Math.max(tat, at) + this.interval;
	}

	/**
	 * Return the time a full burst takes to refill.
	 * @return the refill time, in the unit of the times given
	 */
	long refill() {
		return this.tolerance + this.interval;
	}

	/**
	 * Return this budget with its times in microseconds rather than nanoseconds.
	 * @return the budget in microseconds
	 */
	Budget inMicros() {
		return new Budget(Math.max(1, this.interval / 1000), this.tolerance / 1000);
	}

}
