package com.insprl.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * insprl refused the call because the account's wallet balance is insufficient (code 104,
 * HTTP 400, flag {@code INSUFFICIENT_BALANCE}). Trying again does not help until the
 * wallet is topped up; nothing was processed, and the account is not paused: calls that
 * cost nothing go on.
 */
public class InsprlInsufficientBalanceException extends InsprlApiException {

	/**
	 * Create an exception.
	 * @param message the detail message, without the key
	 * @param operation the operation's name
	 * @param httpStatus the HTTP status of the reply
	 * @param code the API code, or {@code null}
	 * @param apiMessages insprl's messages, the flag among them
	 */
	public InsprlInsufficientBalanceException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages) {
		super(message, operation, httpStatus, code, apiMessages);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

	@Override
	public boolean isPossiblyProcessed() {
		return false;
	}

}
