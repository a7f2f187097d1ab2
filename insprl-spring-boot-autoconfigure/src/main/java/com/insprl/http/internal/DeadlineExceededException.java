package com.insprl.http.internal;

import java.net.SocketTimeoutException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An exchange with insprl did not complete within its deadline (the connect timeout plus
 * the read timeout), however slowly the bytes kept coming, and was abandoned.
 */
public class DeadlineExceededException extends SocketTimeoutException {

	private final Duration deadline;

	public DeadlineExceededException(Duration deadline, @Nullable Throwable cause) {
		super("no complete reply within the deadline of " + Durations.format(deadline));
		this.deadline = deadline;
		initCause(cause);
	}

	/**
	 * Return the deadline that passed.
	 * @return the connect timeout plus the read timeout
	 */
	public Duration getDeadline() {
		return this.deadline;
	}

}
