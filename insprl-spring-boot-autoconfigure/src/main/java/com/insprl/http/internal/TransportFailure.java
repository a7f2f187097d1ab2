package com.insprl.http.internal;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.jspecify.annotations.Nullable;

/**
 * What a transport failure stands for, whichever client library reported it, so that what
 * to tell the caller (and with it, whether to retry) follows from what happened. Library
 * types outside the JDK are recognised by name, so that none of them is needed on the
 * class path. The names match the client's reasons for a connection failure.
 */
public enum TransportFailure {

	/** No connection could be opened. */
	CONNECT_FAILED,

	/** The TLS handshake failed. */
	TLS_FAILED,

	/** No complete reply within the deadline. */
	TIMEOUT,

	/** The connection closed or was reset before the reply was complete. */
	CONNECTION_RESET,

	/** The reply broke HTTP. */
	MALFORMED_REPLY,

	/**
	 * The calling thread was interrupted while it waited for the library: some libraries
	 * report it with the interrupt flag cleared.
	 */
	INTERRUPTED,

	/** Any other failure to read or write. */
	IO_ERROR;

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

	/**
	 * Return what a failure stands for, from the first of its causes that says.
	 * @param failure what the transport threw
	 * @return the kind of failure
	 */
	public static TransportFailure of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof DeadlineExceededException) {
				return TIMEOUT;
			}
			if (isInterrupt(cause)) {
				return INTERRUPTED;
			}
			if (cause instanceof SSLHandshakeException || cause instanceof SSLPeerUnverifiedException
					|| cause instanceof CertificateException) {
				return TLS_FAILED;
			}
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof NoRouteToHostException || cause instanceof UnknownHostException
					|| isA(cause, CONNECT_FAILURES) || isConnectTimeout(cause)) {
				return CONNECT_FAILED;
			}
			if (isA(cause, EARLY_CLOSES)) {
				return CONNECTION_RESET;
			}
			if (cause instanceof ProtocolException || cause instanceof ZipException
					|| isA(cause, PROTOCOL_VIOLATIONS)) {
				return MALFORMED_REPLY;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| isA(cause, TIMEOUTS)) {
				return TIMEOUT;
			}
			if (cause instanceof EOFException || cause instanceof SocketException) {
				return CONNECTION_RESET;
			}
		}
		return IO_ERROR;
	}

	/**
	 * An interrupt, as the libraries report one: the JDK's own
	 * {@code InterruptedException}, a channel closed by it, or a bare
	 * {@code InterruptedIOException} (its subclasses are timeouts and cancels, not
	 * interrupts).
	 * @param failure the failure
	 * @return whether it is an interrupt
	 */
	private static boolean isInterrupt(Throwable failure) {
		return failure instanceof InterruptedException || failure instanceof ClosedByInterruptException
				|| failure.getClass() == InterruptedIOException.class;
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
	public static String describe(Throwable failure) {
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
	 * @param exposes whether a text exposes the key
	 * @return {@code true} if the failure must not be passed on as it is
	 */
	public static boolean exposesKey(Throwable failure, Predicate<@Nullable String> exposes) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (exposes.test(cause.getMessage()) || exposes.test(cause.toString())) {
				return true;
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				if (exposesKey(suppressed, exposes)) {
					return true;
				}
			}
		}
		return false;
	}

}
