package com.insprl.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * insprl refused the request because a usage limit was reached: API code 129 or HTTP 429.
 * The request was not carried out; it can be sent again after a wait.
 * <p>
 * Code 129 without a {@code Retry-After} is insprl's usage limit (daily, monthly or
 * total, {@link #isUsageLimit()}): waiting seconds does not lift it, so it is not
 * retried, and the client pauses the account for {@code insprl.usage-limit-pause}. A
 * throttle (HTTP 429 without code 129, or any reply with a {@code Retry-After}) is
 * retried after its wait.
 */
public class InsprlRateLimitException extends InsprlApiException {

	/** An error flag of insprl's, such as {@code DAILY_LIMIT_REACHED}. */
	private final @Nullable Duration retryAfter;

	private final boolean refusedByClient;

	public InsprlRateLimitException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages, @Nullable Duration retryAfter) {
		this(message, operation, httpStatus, code, apiMessages, retryAfter, false);
	}

	private InsprlRateLimitException(String message, String operation, int httpStatus, @Nullable Integer code,
			List<String> apiMessages, @Nullable Duration retryAfter, boolean refusedByClient) {
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
	 * Return how long insprl asked the caller to wait, from the {@code Retry-After}
	 * header.
	 * @return the wait, or empty when the reply did not say
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * Return whether insprl reported its usage limit (code 129) without saying when to
	 * try again: a daily, monthly or total limit, which waiting seconds does not lift.
	 * @return {@code true} for a usage limit, {@code false} for a throttle or a refusal
	 * of the client's own
	 */
	public boolean isUsageLimit() {
		return !this.refusedByClient && this.retryAfter == null
				&& getCode().orElse(-1) == ReplyDecoder.USAGE_LIMIT_EXCEEDED;
	}

	/**
	 * Return why this reply pauses the account, in a few words for an operator: the
	 * {@code Retry-After} or the usage limit, with insprl's flag (such as
	 * {@code DAILY_LIMIT_REACHED}) when it gave one, and the HTTP status and code.
	 * @param pause how long the account is paused
	 * @return the reason
	 */
	String pauseReason(Duration pause) {
		String status = " (HTTP " + getHttpStatus()
				+ getCode().stream().mapToObj((code) -> ", code " + code).findFirst().orElse("") + ")";
		if (this.retryAfter != null) {
			return "Retry-After " + pause.toSeconds() + "s" + status;
		}
		String flag = getFlag().orElse(null);
		return "usage limit" + ((flag != null) ? " " + flag : "") + status;
	}

	@Override
	public boolean isRetryable() {
		return !isUsageLimit();
	}

	@Override
	public boolean isPossiblyProcessed() {
		return false;
	}

}
