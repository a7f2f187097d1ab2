package com.insprl.ratelimit;

/**
 * The store a rate limit is shared through (Redis) could not be reached in time.
 */
public class RateLimitStoreException extends RuntimeException {

	public RateLimitStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
