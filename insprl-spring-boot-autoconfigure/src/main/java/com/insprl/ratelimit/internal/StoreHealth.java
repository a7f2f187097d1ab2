package com.insprl.ratelimit.internal;

import java.util.Map;

/**
 * What the health indicator shows of a rate limiter and its store.
 */
public interface StoreHealth {

	/**
	 * Return what the health endpoint shows of this limiter.
	 * @return the details
	 */
	Map<String, Object> healthDetails();

	/**
	 * Return whether calls are failing because the limiter cannot do its work (its shared
	 * store is unreachable and it was told not to go on without it).
	 * @return {@code true} if calls fail
	 */
	default boolean isFailing() {
		return false;
	}

}
