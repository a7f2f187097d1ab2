package com.insprl.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.zip.ZipException;

import javax.net.ssl.SSLHandshakeException;

import com.insprl.testing.TestAccount;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TransportFailure}.
 */
class TransportFailureTests {

	private static final String KEY = TestAccount.KEY;

	@Test
	void eachFailureStandsForWhatItsFirstTellingCauseSays() {
		assertThat(TransportFailure.of(wrapped(new DeadlineExceededException(Duration.ofSeconds(2), null))))
			.isEqualTo(TransportFailure.TIMEOUT);
		assertThat(TransportFailure.of(wrapped(new SSLHandshakeException("untrusted"))))
			.isEqualTo(TransportFailure.TLS_FAILED);
		assertThat(TransportFailure.of(wrapped(new ConnectException("refused"))))
			.isEqualTo(TransportFailure.CONNECT_FAILED);
		assertThat(TransportFailure.of(new HttpConnectTimeoutException("slow")))
			.isEqualTo(TransportFailure.CONNECT_FAILED);
		assertThat(TransportFailure.of(new SocketTimeoutException("Connect timed out")))
			.isEqualTo(TransportFailure.CONNECT_FAILED);
		assertThat(TransportFailure.of(new SocketTimeoutException("Read timed out")))
			.isEqualTo(TransportFailure.TIMEOUT);
		assertThat(TransportFailure.of(new SocketTimeoutException())).isEqualTo(TransportFailure.TIMEOUT);
		assertThat(TransportFailure.of(wrapped(new ConnectionClosedException("closed"))))
			.as("a library's type, by name")
			.isEqualTo(TransportFailure.CONNECTION_RESET);
		assertThat(TransportFailure.of(new ZipException("not gzip"))).isEqualTo(TransportFailure.MALFORMED_REPLY);
		assertThat(TransportFailure.of(new EOFException())).isEqualTo(TransportFailure.CONNECTION_RESET);
		assertThat(TransportFailure.of(wrapped(new IOException("other")))).isEqualTo(TransportFailure.IO_ERROR);
	}

	@Test
	void theFirstCauseThatTellsWins() {
		IOException timeoutAroundReset = new SocketTimeoutException("Read timed out");
		timeoutAroundReset.initCause(new EOFException());
		assertThat(TransportFailure.of(timeoutAroundReset)).isEqualTo(TransportFailure.TIMEOUT);
		IOException resetAroundTls = new EOFException("closed");
		resetAroundTls.initCause(new SSLHandshakeException("untrusted"));
		assertThat(TransportFailure.of(resetAroundTls)).isEqualTo(TransportFailure.CONNECTION_RESET);
	}

	@Test
	void aFailureIsDescribedByItsInnermostCause() {
		assertThat(TransportFailure.describe(wrapped(new ConnectException("Connection refused"))))
			.isEqualTo("ConnectException: Connection refused");
		assertThat(TransportFailure.describe(wrapped(new EOFException()))).isEqualTo("EOFException");
	}

	@Test
	void aKeyAnywhereInTheChainOrAmongWhatItSuppressedIsFound() {
		IOException clean = new IOException("connection reset");
		assertThat(TransportFailure.exposesKey(wrapped(clean), TransportFailureTests::exposes)).isFalse();
		assertThat(TransportFailure.exposesKey(wrapped(new IOException("Authorization: " + KEY)),
				TransportFailureTests::exposes))
			.as("in a cause's message")
			.isTrue();
		IOException suppressing = new IOException("connection reset");
		suppressing.addSuppressed(new IOException("retry failed", new IOException("sent " + KEY)));
		assertThat(TransportFailure.exposesKey(wrapped(suppressing), TransportFailureTests::exposes))
			.as("in the cause of a suppressed failure")
			.isTrue();
		IOException suppressingClean = new IOException("connection reset");
		suppressingClean.addSuppressed(new IOException("retry failed"));
		assertThat(TransportFailure.exposesKey(wrapped(suppressingClean), TransportFailureTests::exposes)).isFalse();
		assertThat(TransportFailure.exposesKey(new KeyInToString(), TransportFailureTests::exposes))
			.as("in a failure's own description")
			.isTrue();
	}

	private static boolean exposes(String text) {
		return text != null && text.contains(KEY);
	}

	private static RuntimeException wrapped(Throwable cause) {
		return new IllegalStateException("I/O error on POST request", cause);
	}

	/**
	 * A failure whose message is clean but whose {@code toString} is not.
	 */
	static final class KeyInToString extends IOException {

		KeyInToString() {
			super("clean");
		}

		@Override
		public String toString() {
			return "request to https://insprl.com?key=" + KEY;
		}

	}

}
