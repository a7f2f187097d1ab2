package com.insprl.client;

import java.time.Duration;

import com.insprl.client.internal.CallBudget;
import com.insprl.http.internal.Durations;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.InsprlRateLimitStoreException;
import org.jspecify.annotations.Nullable;

/**
 * The rate limit around each attempt of a call: the limiter's permit before the request
 * is sent (a refusal is a rate limit of the client's own, and nothing is sent), and the
 * account's pause when insprl answers that the account is over its limit.
 */
final class RateLimitGate {

	private final InsprlRateLimiter rateLimiter;

	private final Duration maxWait;

	private final Duration usageLimitPause;

	/**
	 * Create the gate of the clients of one builder.
	 * @param rateLimiter the limiter every request asks for a permit
	 * @param maxWait the longest a call waits for a permit
	 * @param usageLimitPause the pause of an account at its usage limit, when insprl
	 * gives no {@code Retry-After}
	 */
	RateLimitGate(InsprlRateLimiter rateLimiter, Duration maxWait, Duration usageLimitPause) {
		this.rateLimiter = rateLimiter;
		this.maxWait = maxWait;
		this.usageLimitPause = usageLimitPause;
	}

	InsprlRateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	/**
	 * Wait for the permit of an attempt, no longer than the call may wait nor than its
	 * budget leaves for a wait.
	 * @param name the operation's name
	 * @param account the account's CLIENT ID
	 * @param budget the call's budget
	 * @throws InsprlRateLimitException if the wait would be longer than allowed
	 * @throws InsprlConnectionException if the caller is interrupted, or the limiter's
	 * store is unreachable and the limit does not fail open
	 */
	void permit(String name, String account, CallBudget budget) {
		if (Thread.currentThread().isInterrupted()) {
			// the caller's interrupt: the limiter's store is not asked, nothing is sent
			throw interrupted(name, null);
		}
		Duration left = budget.waitable();
		boolean budgetBound = left.compareTo(this.maxWait) < 0;
		Duration wait;
		try {
			wait = this.rateLimiter.acquire(account, budgetBound ? left : this.maxWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted(name, ex);
		}
		catch (InsprlRateLimitStoreException ex) {
			throw new InsprlConnectionException(
					"The shared rate limit's store is unreachable and insprl.rate-limit.fail-open is false: " + name
							+ " was not sent (" + ex.getMessage() + ")",
					name, InsprlConnectionException.Reason.RATE_LIMIT_UNAVAILABLE, ex);
		}
		if (!wait.isZero()) {
			String waitText = Durations.format(Durations.roundUpToSeconds(wait));
			if (budgetBound && wait.compareTo(this.maxWait) <= 0) {
				budget.spend();
				throw InsprlRateLimitException.refusedByClient("insprl calls of this account are limited or paused "
						+ "for " + waitText + " more, longer than the call has left: " + name + " was not sent", name,
						wait);
			}
			throw InsprlRateLimitException.refusedByClient(
					"insprl calls of this account are limited or paused for " + waitText + " more, longer than the "
							+ Durations.format(this.maxWait) + " a call may wait: " + name + " was not sent",
					name, wait);
		}
	}

	/**
	 * Pause the account insprl limited: for its {@code Retry-After}, or for the usage
	 * limit pause when it reports the usage limit without one.
	 * @param limited insprl's answer
	 * @param account the account's CLIENT ID
	 */
	void pause(InsprlRateLimitException limited, String account) {
		Duration pause = limited.getRetryAfter().orElse(limited.isUsageLimit() ? this.usageLimitPause : Duration.ZERO);
		if (!pause.isZero()) {
			this.rateLimiter.pause(account, pause, limited.pauseReason(pause));
		}
	}

	private static InsprlConnectionException interrupted(String name, @Nullable InterruptedException cause) {
		return new InsprlConnectionException("Interrupted while waiting to send " + name + " within the rate limit",
				name, InsprlConnectionException.Reason.INTERRUPTED, cause);
	}

}
