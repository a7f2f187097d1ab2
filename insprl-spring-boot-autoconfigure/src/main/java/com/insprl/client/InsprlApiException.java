package com.insprl.client;

import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * insprl answered, but not with success: an API code other than 100, or an HTTP error
 * status. Subclasses cover the answers a caller handles apart: rejected credentials,
 * invalid parameters and rate limiting.
 */
public class InsprlApiException extends InsprlException {

	private final int httpStatus;

	private final @Nullable Integer code;

	private final List<String> apiMessages;

	public InsprlApiException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages) {
		super(message, operation, null);
		this.httpStatus = httpStatus;
		this.code = code;
		this.apiMessages = List.copyOf(apiMessages);
	}

	/**
	 * Return the HTTP status of the reply.
	 * @return the HTTP status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the API code of the reply ({@code 101}, {@code 102}, ...), if the reply had
	 * one.
	 * @return the API code, or empty when the reply carried none (an HTTP error page)
	 */
	public OptionalInt getCode() {
		return (this.code != null) ? OptionalInt.of(this.code) : OptionalInt.empty();
	}

	/**
	 * Return the messages of the reply in insprl's own words, flattened to one line each.
	 * @return the messages, possibly empty
	 */
	public List<String> getApiMessages() {
		return this.apiMessages;
	}

	@Override
	public boolean isRetryable() {
		return this.httpStatus == 502 || this.httpStatus == 503 || this.httpStatus == 504;
	}

}
