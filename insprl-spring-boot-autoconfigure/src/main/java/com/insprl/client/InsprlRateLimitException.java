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

	private final boolean refusedByClient;

	public InsprlRateLimitException(String message, String operation, int httpStatus, Integer code,
			List<String> apiMessages, Duration retryAfter) {
		this(message, operation, httpStatus, code, apiMessages, retryAfter, false);
	}

	private InsprlRateLimitException(String message, String operation, int httpStatus, Integer code,
			List<String> apiMessages, Duration retryAfter, boolean refusedByClient) {
		super(message, operation, httpStatus, code, apiMessages);
		this.retryAfter = retryAfter;
		this.refusedByClient = refusedByClient;
	}

	/**
	 * Create the exception for a call the client's own rate limit refused: nothing was
	 * sent, there is no HTTP status (0) and no code.
	 * @param message the message
	 * @param operation the operation name
	 * @param retryAfter how long the call would have had to wait
	 * @return the exception
	 */
	static InsprlRateLimitException refusedByClient(String message, String operation, Duration retryAfter) {
		return new InsprlRateLimitException(message, operation, 0, null, List.of(), retryAfter, true);
	}

	/**
	 * Return whether the client refused the call itself (a pause insprl asked for, or the
	 * client-side rate limit, would have made it wait longer than allowed), rather than
	 * insprl answering with a rate limit. Such a call sent nothing, and is not retried
	 * within the call.
	 * @return {@code true} if the client refused it
	 */
	public boolean isRefusedByClient() {
		return this.refusedByClient;
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
