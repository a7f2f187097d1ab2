package com.insprl.client;

/**
 * No usable answer came from insprl: the connection failed, timed out or was reset, or the
 * reply was empty, too large, or not the JSON the API documents (an HTML error page, a
 * truncated body).
 */
public class InsprlConnectionException extends InsprlException {

	private final Reason reason;

	public InsprlConnectionException(String message, String operation, Reason reason, Throwable cause) {
		super(message, operation, cause);
		this.reason = reason;
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
		return this.reason.retryable;
	}

	@Override
	public boolean isPossiblyProcessed() {
		return this.reason != Reason.CONNECT_FAILED;
	}

	/**
	 * Why no usable answer was received.
	 */
	public enum Reason {

		/** The connection could not be made; the request was not sent. */
		CONNECT_FAILED(true),

		/** No reply within the read timeout. */
		TIMEOUT(true),

		/** The connection was reset or closed before a complete reply arrived. */
		CONNECTION_RESET(true),

		/** The reply had no body. */
		EMPTY_REPLY(true),

		/** The reply was not the JSON object the API documents. */
		MALFORMED_REPLY(false),

		/** The reply was larger than the client accepts. */
		REPLY_TOO_LARGE(false),

		/** Any other I/O failure. */
		IO_ERROR(true);

		private final boolean retryable;

		Reason(boolean retryable) {
			this.retryable = retryable;
		}

	}

}
