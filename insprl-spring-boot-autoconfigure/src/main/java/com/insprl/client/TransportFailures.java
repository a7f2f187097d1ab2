package com.insprl.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.zip.ZipException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.insprl.http.internal.DeadlineExceededException;
import org.jspecify.annotations.Nullable;

/**
 * Says what a transport failure stands for, whichever client library reported it, so that
 * the reason (and with it, whether to retry) follows from what happened. Library types
 * outside the JDK are recognised by name, so that none of them is needed on the class
 * path.
 */
final class TransportFailures {

	private static final String[] TIMEOUTS = { "io.netty.handler.timeout.ReadTimeoutException",
			"java.util.concurrent.TimeoutException" };

	private static final String[] CONNECT_FAILURES = { "org.apache.hc.client5.http.ConnectTimeoutException",
			"org.apache.hc.client5.http.HttpHostConnectException",
			"org.apache.hc.core5.http.ConnectionRequestTimeoutException",
			"org.apache.hc.client5.http.ConnectionRequestTimeoutException" };

	private static final String[] PROTOCOL_VIOLATIONS = { "org.apache.hc.core5.http.ProtocolException",
			"org.apache.hc.client5.http.ClientProtocolException", "org.apache.hc.core5.http.MessageConstraintException",
			"org.apache.hc.core5.http.MalformedChunkCodingException", "io.netty.handler.codec.DecoderException",
			"org.eclipse.jetty.http.BadMessageException", "org.eclipse.jetty.http.HttpException$RuntimeException" };

	private static final String[] EARLY_CLOSES = { "org.apache.hc.core5.http.NoHttpResponseException",
			"org.apache.hc.core5.http.ConnectionClosedException", "org.apache.hc.core5.http.TruncatedChunkException",
			"reactor.netty.http.client.PrematureCloseException", "io.netty.channel.unix.Errors$NativeIoException" };

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
		InsprlConnectionException.Reason reason = reason(failure);
		String detail = credentials.redact(describe(failure));
		String advice = (reason == InsprlConnectionException.Reason.TLS_FAILED)
				? "; insprl's certificate is not trusted or does not match its host: for a private CA, set "
						+ "insprl.ssl.bundle"
				: "";
		Throwable cause = exposesKey(failure, credentials) ? null : failure;
		String what = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return new InsprlConnectionException(
				"No answer from insprl for " + operation + ": " + what + " (" + detail + ")" + advice, operation,
				reason, cause);
	}

	static InsprlConnectionException.Reason reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof DeadlineExceededException) {
				return InsprlConnectionException.Reason.TIMEOUT;
			}
			if (cause instanceof SSLHandshakeException || cause instanceof SSLPeerUnverifiedException
					|| cause instanceof CertificateException) {
				return InsprlConnectionException.Reason.TLS_FAILED;
			}
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof NoRouteToHostException || cause instanceof UnknownHostException
					|| isA(cause, CONNECT_FAILURES) || isConnectTimeout(cause)) {
				return InsprlConnectionException.Reason.CONNECT_FAILED;
			}
			if (isA(cause, EARLY_CLOSES)) {
				return InsprlConnectionException.Reason.CONNECTION_RESET;
			}
			if (cause instanceof ProtocolException || cause instanceof ZipException
					|| isA(cause, PROTOCOL_VIOLATIONS)) {
				return InsprlConnectionException.Reason.MALFORMED_REPLY;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| isA(cause, TIMEOUTS)) {
				return InsprlConnectionException.Reason.TIMEOUT;
			}
			if (cause instanceof EOFException || cause instanceof SocketException) {
				return InsprlConnectionException.Reason.CONNECTION_RESET;
			}
		}
		return InsprlConnectionException.Reason.IO_ERROR;
	}

	/**
	 * {@code HttpURLConnection} and Jetty report a connect timeout as a plain
	 * {@code SocketTimeoutException} or {@code TimeoutException}, told apart only by its
	 * message ("Connect timed out", "Connect Timeout").
	 * @param failure the failure
	 * @return whether it is a connect timeout
	 */
	private static boolean isConnectTimeout(Throwable failure) {
		return (failure instanceof SocketTimeoutException || isA(failure, TIMEOUTS)) && failure.getMessage() != null
				&& failure.getMessage().toLowerCase(Locale.ROOT).startsWith("connect time");
	}

	private static boolean isA(Throwable failure, String[] typeNames) {
		for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
			for (String name : typeNames) {
				if (type.getName().equals(name)) {
					return true;
				}
			}
		}
		return false;
	}

	private static @Nullable Throwable next(Throwable failure) {
		Throwable cause = failure.getCause();
		return (cause != failure) ? cause : null;
	}

	/**
	 * Describe a failure by its innermost cause, or by the deadline that ended it: its
	 * type and message.
	 * @param failure the failure
	 * @return a short description
	 */
	static String describe(Throwable failure) {
		Throwable root = failure;
		Throwable next = next(root);
		while (next != null && !(root instanceof DeadlineExceededException)) {
			root = next;
			next = next(root);
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Return whether any message in the failure's chain, or among what it suppressed,
	 * exposes the key.
	 * @param failure the failure
	 * @param credentials the credentials whose key must not be exposed
	 * @return {@code true} if the failure must not be passed on as it is
	 */
	static boolean exposesKey(Throwable failure, InsprlCredentials credentials) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (credentials.exposesKey(cause.getMessage()) || credentials.exposesKey(cause.toString())) {
				return true;
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				if (exposesKey(suppressed, credentials)) {
					return true;
				}
			}
		}
		return false;
	}

}
