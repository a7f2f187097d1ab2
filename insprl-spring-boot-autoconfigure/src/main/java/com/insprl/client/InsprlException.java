package com.insprl.client;

import java.time.Duration;
import java.util.Objects;

import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

/**
 * Root of every failure reported by the insprl client. Unchecked; subclasses say what the
 * caller does next: fix the credentials, fix the input, wait and retry, or report.
 *
 * @see InsprlApiException
 * @see InsprlConnectionException
 */
public abstract class InsprlException extends RuntimeException {

	private final String operation;

	private int attempts = 1;

	private @Nullable Duration callTimeoutSpent;

	protected InsprlException(String message, String operation, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Return the name of the operation that failed, such as
	 * {@code whatsapp.instance.logout}.
	 * @return the operation name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return whether sending the same request again could succeed (a network failure, an
	 * overloaded gateway, a rate limit), as opposed to a rejection that will repeat.
	 * @return {@code true} if a retry could help
	 */
	public abstract boolean isRetryable();

	/**
	 * Return whether insprl may have acted on the request. {@code false} only when the
	 * request certainly did not take effect (the connection was never made, or the
	 * request was refused by the rate limiter), so that even an operation that is not
	 * idempotent can be sent again.
	 * @return {@code true} if the request may have taken effect
	 */
	public boolean isPossiblyProcessed() {
		return true;
	}

	/**
	 * Return how many attempts were made before this failure was reported.
	 * @return the number of attempts, at least 1
	 */
	public int getAttempts() {
		return this.attempts;
	}

	void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	/**
	 * Return whether the call ended because its call timeout was spent: what would have
	 * come next (a wait, another attempt) did not fit in what it had left.
	 * @return {@code true} if the call timeout ended the call
	 */
	public boolean isCallTimeoutSpent() {
		return this.callTimeoutSpent != null;
	}

	void setCallTimeoutSpent(Duration callTimeout) {
		this.callTimeoutSpent = callTimeout;
	}

	@Override
	public String getMessage() {
		String message = Objects.requireNonNullElse(super.getMessage(), "");
		if (this.callTimeoutSpent != null) {
			return message + " (call timeout " + Durations.format(this.callTimeoutSpent) + " spent after "
					+ this.attempts + ((this.attempts == 1) ? " attempt)" : " attempts)");
		}
		return (this.attempts > 1) ? message + " (gave up after " + this.attempts + " attempts)" : message;
	}

}
