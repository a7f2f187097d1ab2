package com.insprl.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Decides, per insprl account, when the client may send: before every request (retries
 * included) the client asks for a permit, and when insprl answers with a rate limit and a
 * {@code Retry-After}, the client pauses the account until then, so that no other call on
 * the account sends in the meantime.
 * <p>
 * Implementations are thread-safe. {@link #pauseOnly()} honours pauses and sets no
 * budget; the auto-configuration adds a budget of requests per second (in the JVM or
 * shared through Redis) when {@code insprl.rate-limit.enabled} is set.
 */
public interface InsprlRateLimiter {

	/**
	 * Wait, up to {@code maxWait}, for permission to send one request for the account.
	 * @param account the account's client id
	 * @param maxWait the longest the caller may wait
	 * @return {@link Duration#ZERO} when a request may be sent now; otherwise how long
	 * the caller would have to wait (more than {@code maxWait}), and nothing was waited
	 * for
	 * @throws InterruptedException if the thread was interrupted while waiting
	 */
	Duration acquire(String account, Duration maxWait) throws InterruptedException;

	/**
	 * insprl asked the account to wait until the given time: no request of the account is
	 * permitted before it.
	 * @param account the account's client id
	 * @param until when requests may be sent again
	 */
	void pause(String account, Instant until);

	/**
	 * Return what the health endpoint shows of this limiter.
	 * @return the details, empty by default
	 */
	default Map<String, Object> healthDetails() {
		return Map.of();
	}

	/**
	 * Return whether calls are failing because the limiter cannot do its work (its shared
	 * store is unreachable and it was told not to go on without it).
	 * @return {@code true} if calls fail
	 */
	default boolean isFailing() {
		return false;
	}

	/**
	 * Return a limiter that only honours pauses, in this JVM.
	 * @return a new limiter
	 */
	static InsprlRateLimiter pauseOnly() {
		return LocalRateLimiter.pausesOnly(Clock.systemUTC());
	}

}
