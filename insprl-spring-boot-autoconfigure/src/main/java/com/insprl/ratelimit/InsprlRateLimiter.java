package com.insprl.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides, per insprl account, when the client may send: before every request (retries
 * included) the client asks for a permit, and when insprl answers with a rate limit and a
 * {@code Retry-After}, the client pauses the account until then, so that no other call on
 * the account sends in the meantime.
 * <p>
 * Implementations are thread-safe. Unless the application sets one, the client honours
 * pauses and sets no budget; the auto-configuration adds a budget of requests per second
 * (in the JVM or shared through Redis) when {@code insprl.rate-limit.enabled} is set.
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
	 */
	void pause(String account, Duration pause);

	/**
	 * Pause the account, as {@link #pause(String, Duration)} does, and keep why, for
	 * {@link #pauses(int)} to show. Keeps no reason by default.
	 * @param account the account's client id
	 * @param pause how long requests must wait; zero or negative for none
	 * @param reason why, in a few words that hold no secret
	 */
	default void pause(String account, Duration pause, String reason) {
		pause(account, pause);
	}

	/**
	 * Return the accounts paused now, the soonest to end first. With a shared store,
	 * these are the pauses every replica honours. Empty by default.
	 * @param limit the most to return
	 * @return at most {@code limit} pauses
	 */
	default List<Pause> pauses(int limit) {
		return List.of();
	}

	/**
	 * Lift the account's pause, in this JVM and in a shared store, so that its next
	 * request is sent (within its budget). Lifts nothing by default.
	 * @param account the account's client id
	 * @return whether the account was paused
	 */
	default boolean lift(String account) {
		return false;
	}

	/**
	 * Forget what this limiter holds in this JVM: every account's pause and budget, and
	 * what it remembers of its store. What a shared store holds for every replica is left
	 * as it is. Does nothing by default.
	 */
	default void reset() {
	}

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
	 * An account paused now.
	 *
	 * @param account the account's client id
	 * @param until when the pause ends, by this JVM's wall clock
	 * @param reason why, such as {@code Retry-After 600s (HTTP 429, code 129)}
	 */
	record Pause(String account, Instant until, String reason) {

	}

}
