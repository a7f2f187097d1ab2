package com.insprl.ratelimit;

import java.time.Duration;

/**
 * Decides, per insprl account, when the client may send: before every request (retries
 * included) the client asks for a permit, and when insprl answers with a rate limit and a
 * {@code Retry-After}, the client pauses the account until then, so that no other call on
 * the account sends in the meantime.
 * <p>
 * Implementations are thread-safe. Unless the application sets one, the client honours
 * pauses and sets no budget; the auto-configuration adds a budget of requests per second
 * (in the JVM or shared through Redis) when {@code insprl.rate-limit.enabled} is set. The
 * starter's own limiters also list and lift their pauses for the {@code insprl} actuator
 * endpoint, and report their store to the health indicator.
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
	 * insprl asked the account to wait: no request of the account is permitted for the
	 * given time from now. A pause is a duration, measured from when it arrives, so that
	 * a wall clock that steps neither lengthens nor shortens it; one too long to hold is
	 * held as the longest the implementation keeps.
	 * @param account the account's client id
	 * @param pause how long requests must wait; zero or negative for none
	 * @param reason why, in a few words that hold no secret, such as
	 * {@code Retry-After 600s (HTTP 429, code 129)}
	 */
	void pause(String account, Duration pause, String reason);

	/**
	 * Forget what this limiter holds in this JVM: every account's pause and budget, and
	 * what it remembers of its store. What a shared store holds for every replica is left
	 * as it is. Does nothing by default.
	 */
	default void reset() {
	}

}
