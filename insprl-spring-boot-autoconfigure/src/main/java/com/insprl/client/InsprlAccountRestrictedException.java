package com.insprl.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * insprl refused the call because the account is restricted (code 103, HTTP 403), with
 * its flag: {@code ACCOUNT_TEMP_BLOCKED} or {@code ACCOUNT_PERMANENT_BLOCKED}. Trying
 * again does not help until insprl lifts the restriction; nothing was processed.
 */
public class InsprlAccountRestrictedException extends InsprlApiException {

	/**
	 * Create an exception.
	 * @param message the detail message, without the key
	 * @param operation the operation's name
	 * @param httpStatus the HTTP status of the reply
	 * @param code the API code, or {@code null}
	 * @param apiMessages insprl's messages, the flag among them
	 */
	public InsprlAccountRestrictedException(String message, String operation, int httpStatus, @Nullable Integer code,
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
