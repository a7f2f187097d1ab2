package com.insprl.client;

import java.util.Locale;

import com.insprl.http.internal.TransportFailure;

/**
 * Turns whatever the transport threw into the connection exception that says what
 * happened, with no part of the key in its message or cause.
 */
final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * Map whatever the transport threw to a connection exception with a reason that says
	 * what happened. A failure whose text exposes the key is not kept as the cause.
	 * @param operation the name of the operation that failed
	 * @param failure what the transport threw
	 * @param credentials the credentials the call was made with
	 * @return the exception to throw
	 */
	static InsprlConnectionException toException(String operation, RuntimeException failure,
			InsprlCredentials credentials) {
		InsprlConnectionException.Reason reason = reason(TransportFailure.of(failure));
		String detail = credentials.redact(TransportFailure.describe(failure));
		String advice = (reason == InsprlConnectionException.Reason.TLS_FAILED)
				? "; insprl's certificate is not trusted or does not match its host: for a private CA, set "
						+ "insprl.ssl.bundle"
				: "";
		Throwable cause = TransportFailure.exposesKey(failure, credentials::exposesKey) ? null : failure;
		String what = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		// interrupted while waiting for the reply: the request may have reached insprl
		return new InsprlConnectionException(
				"No answer from insprl for " + operation + ": " + what + " (" + detail + ")" + advice, operation,
				reason, true, cause);
	}

	static InsprlConnectionException.Reason reason(TransportFailure failure) {
		return switch (failure) {
			case CONNECT_FAILED -> InsprlConnectionException.Reason.CONNECT_FAILED;
			case TLS_FAILED -> InsprlConnectionException.Reason.TLS_FAILED;
			case TIMEOUT -> InsprlConnectionException.Reason.TIMEOUT;
			case CONNECTION_RESET -> InsprlConnectionException.Reason.CONNECTION_RESET;
			case MALFORMED_REPLY -> InsprlConnectionException.Reason.MALFORMED_REPLY;
			case INTERRUPTED -> InsprlConnectionException.Reason.INTERRUPTED;
			case IO_ERROR -> InsprlConnectionException.Reason.IO_ERROR;
		};
	}

}
