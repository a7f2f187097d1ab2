package com.insprl.client;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came from insprl: the connection failed, timed out or was reset, the
 * TLS handshake failed, or the reply was empty, too large, a redirect, or not the JSON
 * the API documents (an HTML error page, a truncated body).
 */
public class InsprlConnectionException extends InsprlException {

	private final Reason reason;

	private final boolean sent;

	public InsprlConnectionException(String message, String operation, Reason reason, @Nullable Throwable cause) {
		this(message, operation, reason, false, cause);
	}

	/**
	 * Create an exception.
	 * @param message the message
	 * @param operation the operation's name
	 * @param reason what went wrong
	 * @param sent whether the request had gone out when the call was
	 * {@linkplain Reason#INTERRUPTED interrupted}
	 * @param cause the cause, if any
	 */
	InsprlConnectionException(String message, String operation, Reason reason, boolean sent,
			@Nullable Throwable cause) {
		super(message, operation, cause);
		this.reason = reason;
		this.sent = sent;
	}

	/**
	 * Return what went wrong.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	@Override
	public boolean isRetryable() {
		return this.reason.isRetryable();
	}

	@Override
	public boolean isPossiblyProcessed() {
		if (this.reason == Reason.INTERRUPTED) {
			return this.sent;
		}
		return this.reason != Reason.CONNECT_FAILED && this.reason != Reason.TLS_FAILED
				&& this.reason != Reason.RATE_LIMIT_UNAVAILABLE;
	}

	/**
	 * Why no usable answer was received.
	 */
	public enum Reason {

		/**
		 * The connection could not be made (refused, unreachable, or not made within the
		 * connect timeout); the request was not sent.
		 */
		CONNECT_FAILED(true),

		/**
		 * The TLS handshake failed: insprl's certificate is not trusted or does not match
		 * the host. The request was not sent; retrying does not help. A private CA is
		 * configured with {@code insprl.ssl.bundle}.
		 */
		TLS_FAILED(false),

		/**
		 * The connection was made but the reply did not complete in time: the read
		 * timeout, or the deadline of the whole exchange (connect timeout plus read
		 * timeout) for a reply that trickles in.
		 */
		TIMEOUT(true),

		/** The connection was reset or closed before a complete reply arrived. */
		CONNECTION_RESET(true),

		/** The reply had no body. */
		EMPTY_REPLY(true),

		/**
		 * The reply was not the JSON object the API documents, had no usable code, or
		 * broke the HTTP protocol (oversized headers, corrupt compression, a malformed
		 * chunk).
		 */
		MALFORMED_REPLY(false),

		/**
		 * The reply was a redirect. Redirects are not followed, so that the client key
		 * never reaches another host; check {@code insprl.base-url}.
		 */
		REDIRECTED(false),

		/** The reply was larger than the client accepts. */
		REPLY_TOO_LARGE(false),

		/**
		 * The store the rate limit is shared through (Redis) is unreachable and
		 * {@code insprl.rate-limit.fail-open} is {@code false}; the request was not sent.
		 */
		RATE_LIMIT_UNAVAILABLE(true),

		/**
		 * The calling thread was interrupted, and its interrupt flag is kept: before the
		 * request was sent (while it waited for the rate limit's permit, or a bulk logout
		 * it ran was interrupted before reaching the id), or while it waited for the
		 * reply, once the request may have reached insprl
		 * ({@link InsprlException#isPossiblyProcessed()} says which).
		 */
		INTERRUPTED(false),

		/** Any other I/O failure. */
		IO_ERROR(true);

		private final boolean retryable;

		Reason(boolean retryable) {
			this.retryable = retryable;
		}

		/**
		 * Return whether a failure for this reason can be retried with a chance of
		 * success.
		 * @return {@code true} if a retry could help
		 */
		public boolean isRetryable() {
			return this.retryable;
		}

	}

}
