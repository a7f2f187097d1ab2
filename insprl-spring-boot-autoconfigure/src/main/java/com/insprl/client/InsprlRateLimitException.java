package com.insprl.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * insprl refused the request because a usage limit was reached: API code 129 or HTTP 429.
 * The request was not carried out; it can be sent again after a wait.
 */
public class InsprlRateLimitException extends InsprlApiException {

	private final Duration retryAfter;

	public InsprlRateLimitException(String message, String operation, int httpStatus, Integer code,
			List<String> apiMessages, Duration retryAfter) {
		super(message, operation, httpStatus, code, apiMessages);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long insprl asked the caller to wait, from the {@code Retry-After} header.
	 * @return the wait, or empty when the reply did not say
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

	@Override
	public boolean isPossiblyProcessed() {
		return false;
	}

}
