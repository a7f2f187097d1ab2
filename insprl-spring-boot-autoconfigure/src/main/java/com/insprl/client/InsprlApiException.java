package com.insprl.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * insprl answered, but not with success: an API code other than 100, or an HTTP error
 * status. Subclasses cover the answers a caller handles apart: rejected credentials,
 * invalid parameters, rate limiting, a restricted account and an insufficient balance.
 */
public class InsprlApiException extends InsprlException {

	private static final Pattern FLAG = Pattern.compile("[A-Z][A-Z_]{2,63}");

	private final int httpStatus;

	private final @Nullable Integer code;

	private final List<String> apiMessages;

	private final @Nullable String queueId;

	public InsprlApiException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages) {
		this(message, operation, httpStatus, code, apiMessages, null);
	}

	InsprlApiException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages, @Nullable String queueId) {
		super(message, operation, null);
		this.httpStatus = httpStatus;
		this.code = code;
		this.apiMessages = List.copyOf(apiMessages);
		this.queueId = queueId;
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

	/**
	 * Return insprl's flag for the failure, such as {@code INSUFFICIENT_BALANCE},
	 * {@code ACCOUNT_TEMP_BLOCKED} or {@code DAILY_LIMIT_REACHED}: the first of its
	 * messages that is one.
	 * @return the flag, if insprl sent one
	 */
	public Optional<String> getFlag() {
		return this.apiMessages.stream().filter(FLAG.asMatchPredicate()).findFirst();
	}

	/**
	 * Return the {@code queue_id} insprl's reply gave the request, such as a mail it may
	 * have queued before it answered with a failure: look the mail up by it before
	 * sending it again.
	 * @return the queue id, if the reply had one
	 */
	public Optional<String> getQueueId() {
		return Optional.ofNullable(this.queueId);
	}

	@Override
	public boolean isRetryable() {
		return this.httpStatus == 502 || this.httpStatus == 503 || this.httpStatus == 504;
	}

}
