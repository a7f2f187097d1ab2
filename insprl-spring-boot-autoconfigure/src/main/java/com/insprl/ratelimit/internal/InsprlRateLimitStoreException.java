package com.insprl.ratelimit.internal;

import org.jspecify.annotations.Nullable;

/**
 * The store a rate limit is shared through (Redis) could not be reached in time.
 */
public class InsprlRateLimitStoreException extends RuntimeException {

	public InsprlRateLimitStoreException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
