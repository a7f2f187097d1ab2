package com.insprl.http;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * An exchange with insprl did not complete within its deadline (the connect timeout plus
 * the read timeout), however slowly the bytes kept coming, and was abandoned.
 */
public class DeadlineExceededException extends SocketTimeoutException {

	private final Duration deadline;

	DeadlineExceededException(Duration deadline, Throwable cause) {
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
