package com.insprl.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeadlineResponse}: what closing a reply does to the client library's
 * response.
 */
class DeadlineResponseTests {

	private static final String BODY = "{\"code\":\"100\"}";

	@Test
	void aReplyReadToItsEndIsClosedByTheLibraryAndNotCancelled() throws Exception {
		Attempt attempt = new Attempt(Duration.ofSeconds(5));
		AtomicInteger cancels = new AtomicInteger();
		attempt.onReleasingCancel(cancels::incrementAndGet);
		LibraryResponse library = new LibraryResponse(BODY.length());
		try (DeadlineResponse response = new DeadlineResponse(library, attempt, false)) {
			assertThat(response.getBody().readAllBytes()).hasSize(BODY.length());
		}
		assertThat(cancels).hasValue(0);
		assertThat(library.closes).as("the library's close, which keeps the connection").hasValue(1);
	}

	@Test
	void aReplyLeftUnreadIsCancelledAndTheLibraryResponseClosedToo() throws Exception {
		Attempt attempt = new Attempt(Duration.ofSeconds(5));
		AtomicInteger cancels = new AtomicInteger();
		attempt.onCancel(cancels::incrementAndGet);
		LibraryResponse library = new LibraryResponse(BODY.length());
		try (DeadlineResponse response = new DeadlineResponse(library, attempt, false)) {
			assertThat(response.getBody().read(new byte[4])).isEqualTo(4);
		}
		assertThat(cancels).hasValue(1);
		assertThat(library.closes).hasValue(1);
	}

	/**
	 * The JDK's {@code HttpURLConnection} drains the rest of a reply when its response is
	 * closed: after a disconnect, which releases the exchange, the response is left as it
	 * is, so a trickling reply is never read on the caller's thread.
	 */
	@Test
	void aReplyLeftUnreadAfterACancelThatReleasesTheExchangeIsNotClosedByTheLibrary() throws Exception {
		Attempt attempt = new Attempt(Duration.ofSeconds(5));
		AtomicInteger cancels = new AtomicInteger();
		attempt.onReleasingCancel(cancels::incrementAndGet);
		LibraryResponse library = new LibraryResponse(BODY.length());
		try (DeadlineResponse response = new DeadlineResponse(library, attempt, false)) {
			assertThat(response.getBody().read(new byte[4])).isEqualTo(4);
		}
		assertThat(cancels).hasValue(1);
		assertThat(library.closes).as("the library's close, which would drain").hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 204, 304, 100, 199 })
	void aReplyWithoutABodyByItsStatusIsClosedByTheLibraryAndNotCancelled(int status) {
		Attempt attempt = new Attempt(Duration.ofSeconds(5));
		AtomicInteger cancels = new AtomicInteger();
		attempt.onCancel(cancels::incrementAndGet);
		LibraryResponse library = new LibraryResponse(HttpStatusCode.valueOf(status), -1);
		new DeadlineResponse(library, attempt, false).close();
		assertThat(cancels).hasValue(0);
		assertThat(library.closes).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 201, 205, 303, 404 })
	void aReplyThatMayHaveABodyAndIsClosedUnreadIsCancelled(int status) {
		Attempt attempt = new Attempt(Duration.ofSeconds(5));
		AtomicInteger cancels = new AtomicInteger();
		attempt.onCancel(cancels::incrementAndGet);
		new DeadlineResponse(new LibraryResponse(HttpStatusCode.valueOf(status), -1), attempt, false).close();
		assertThat(cancels).hasValue(1);
	}

	@Test
	void aReplyToHeadOrDeclaredEmptyIsClosedByTheLibraryAndNotCancelled() {
		for (boolean head : new boolean[] { true, false }) {
			Attempt attempt = new Attempt(Duration.ofSeconds(5));
			AtomicInteger cancels = new AtomicInteger();
			attempt.onCancel(cancels::incrementAndGet);
			LibraryResponse library = new LibraryResponse(HttpStatus.OK, head ? -1 : 0);
			new DeadlineResponse(library, attempt, head).close();
			assertThat(cancels).hasValue(0);
			assertThat(library.closes).hasValue(1);
		}
	}

	@Test
	void theStatusTextIsTheLibrarys() throws Exception {
		Attempt attempt = new Attempt(Duration.ofSeconds(5));
		try (DeadlineResponse response = new DeadlineResponse(new LibraryResponse(0), attempt, false)) {
			assertThat(response.getStatusText()).isEqualTo("OK");
		}
	}

	/**
	 * A client library's response, counting the times it is closed.
	 */
	private static final class LibraryResponse implements ClientHttpResponse {

		private final AtomicInteger closes = new AtomicInteger();

		private final InputStream body = new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8));

		private final HttpHeaders headers = new HttpHeaders();

		private final HttpStatusCode status;

		LibraryResponse(long contentLength) {
			this(HttpStatus.OK, contentLength);
		}

		LibraryResponse(HttpStatusCode status, long contentLength) {
			this.status = status;
			if (contentLength >= 0) {
				this.headers.setContentLength(contentLength);
			}
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			this.closes.incrementAndGet();
		}

	}

}
