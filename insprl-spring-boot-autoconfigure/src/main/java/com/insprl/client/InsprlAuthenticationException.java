package com.insprl.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * insprl rejected the credentials: API code 101 or HTTP 401. Check
 * {@code insprl.client-id} and {@code insprl.client-key}; sending the request again does
 * not help.
 */
public class InsprlAuthenticationException extends InsprlApiException {

	public InsprlAuthenticationException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages) {
		super(message, operation, httpStatus, code, apiMessages);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
