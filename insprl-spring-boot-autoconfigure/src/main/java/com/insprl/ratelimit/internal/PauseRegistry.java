package com.insprl.ratelimit.internal;

import java.time.Instant;
import java.util.List;

/**
 * The pauses a rate limiter holds, listed and lifted by the {@code insprl} actuator
 * endpoint.
 */
public interface PauseRegistry {

	/**
	 * Return the accounts paused now, the soonest to end first. With a shared store,
	 * these are the pauses every replica honours.
	 * @param limit the most to return
	 * @return at most {@code limit} pauses
	 */
	List<Pause> pauses(int limit);

	/**
	 * Lift the account's pause, in this JVM and in a shared store, so that its next
	 * request is sent (within its budget).
	 * @param account the account's client id
	 * @return whether the account was paused
	 */
	boolean lift(String account);

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
