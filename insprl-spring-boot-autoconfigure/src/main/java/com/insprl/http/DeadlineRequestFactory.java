package com.insprl.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.insprl.http.internal.CallDeadline;
import com.insprl.http.internal.DeadlineExceededException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Wraps a client library's request factory so that every exchange is one {@link Attempt}:
 * it ends by its deadline however slowly the reply trickles in, and a reply that is not
 * read to its end is abandoned rather than drained (the libraries drain on close, so that
 * the connection can be reused, which for a huge or endless reply never ends).
 */
final class DeadlineRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory library;

	private final AttemptWatchdog watchdog;

	private final Duration deadline;

	DeadlineRequestFactory(ClientHttpRequestFactory library, AttemptWatchdog watchdog, Duration deadline) {
		this.library = library;
		this.watchdog = watchdog;
		this.deadline = deadline;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		Attempt attempt = new Attempt(CallDeadline.cap(this.deadline));
		attempt.begin();
		try {
			return new DeadlineRequest(this.library.createRequest(uri, httpMethod), attempt, this.watchdog);
		}
		catch (IOException | RuntimeException ex) {
			Attempt.leave();
			throw ex;
		}
	}

	ClientHttpRequestFactory library() {
		return this.library;
	}

	private static final class DeadlineRequest implements ClientHttpRequest, StreamingHttpOutputMessage {

		private final ClientHttpRequest request;

		private final Attempt attempt;

		private final AttemptWatchdog watchdog;

		DeadlineRequest(ClientHttpRequest request, Attempt attempt, AttemptWatchdog watchdog) {
			this.request = request;
			this.attempt = attempt;
			this.watchdog = watchdog;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			this.attempt.begin();
			this.attempt.arm(this.watchdog);
			ClientHttpResponse response;
			try {
				response = this.request.execute();
			}
			catch (IOException ex) {
				this.attempt.finish();
				throw this.attempt.translate(ex);
			}
			catch (RuntimeException ex) {
				this.attempt.finish();
				if (this.attempt.isExpired()) {
					throw this.attempt.translate(new IOException(ex.getMessage(), ex));
				}
				throw ex;
			}
			catch (Error ex) {
				this.attempt.finish();
				throw ex;
			}
			finally {
				this.attempt.stopWaiting();
				Attempt.leave();
			}
			return new DeadlineResponse(response, this.attempt, getMethod() == HttpMethod.HEAD);
		}

		@Override
		public void setBody(Body body) {
			if (this.request instanceof StreamingHttpOutputMessage streaming) {
				streaming.setBody(body);
				return;
			}
			try {
				body.writeTo(this.request.getBody());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.request.getBody();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.request.getHeaders();
		}

		@Override
		public HttpMethod getMethod() {
			return this.request.getMethod();
		}

		@Override
		public URI getURI() {
			return this.request.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.request.getAttributes();
		}

	}

	private static final class DeadlineResponse implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final Attempt attempt;

		private final boolean bodiless;

		private @Nullable DeadlineBody body;

		DeadlineResponse(ClientHttpResponse response, Attempt attempt, boolean head) {
			this.response = response;
			this.attempt = attempt;
			int status = statusOf(response);
			this.bodiless = head || status == 204 || status == 304 || (status >= 100 && status < 200)
					|| response.getHeaders().getContentLength() == 0;
		}

		private static int statusOf(ClientHttpResponse response) {
			try {
				return response.getStatusCode().value();
			}
			catch (IOException | RuntimeException ex) {
				return -1;
			}
		}

		/**
		 * Return the status, or report a reply without a valid status line as the
		 * protocol violation it is ({@code HttpURLConnection} gives such a reply the
		 * status -1).
		 */
		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			try {
				return this.response.getStatusCode();
			}
			catch (IllegalArgumentException ex) {
				throw new ProtocolException("The reply has no valid HTTP status line");
			}
			catch (IOException ex) {
				throw this.attempt.translate(ex);
			}
		}

		@Override
		public String getStatusText() throws IOException {
			try {
				return this.response.getStatusText();
			}
			catch (IOException ex) {
				throw this.attempt.translate(ex);
			}
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		/**
		 * A body never asked for must still be closed on abort by the libraries that
		 * offer no cancel, or closing the response would drain it.
		 */
		private void registerUnreadBody() {
			try {
				this.attempt.onBody(this.response.getBody());
			}
			catch (IOException | RuntimeException ex) {
				// no body to close
			}
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				InputStream raw;
				try {
					raw = this.response.getBody();
				}
				catch (IOException ex) {
					throw this.attempt.translate(ex);
				}
				this.attempt.onBody(raw);
				this.body = new DeadlineBody(raw, this.attempt, this.response.getHeaders().getContentLength());
			}
			return this.body;
		}

		@Override
		public void close() {
			try {
				boolean complete = (this.body != null) ? this.body.isComplete() : this.bodiless;
				if (!complete) {
					if (this.body == null) {
						registerUnreadBody();
					}
					this.attempt.abort();
				}
			}
			finally {
				this.attempt.finish();
				closeQuietly();
			}
		}

		/**
		 * Close the library's response. After an abort, some libraries throw where they
		 * would have drained; nothing of that may hide the failure being reported.
		 */
		private void closeQuietly() {
			try {
				this.response.close();
			}
			catch (RuntimeException ex) {
				// the exchange was abandoned
			}
		}

	}

	/**
	 * The reply body: reports a read cut by the deadline as a timeout, and knows whether
	 * it was read to its end (so that the connection may be reused) or not.
	 */
	private static final class DeadlineBody extends InputStream {

		private final InputStream in;

		private final Attempt attempt;

		private final long declaredLength;

		private long read;

		private boolean endReached;

		DeadlineBody(InputStream in, Attempt attempt, long declaredLength) {
			this.in = in;
			this.attempt = attempt;
			this.declaredLength = declaredLength;
		}

		boolean isComplete() {
			return !this.attempt.isExpired()
					&& (this.endReached || (this.declaredLength >= 0 && this.read == this.declaredLength));
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.attempt.isExpired()) {
				throw new DeadlineExceededException(this.attempt.deadline(), null);
			}
			int n;
			try {
				n = this.in.read(buffer, offset, length);
			}
			catch (IOException ex) {
				throw this.attempt.translate(ex);
			}
			if (n < 0) {
				if (this.attempt.isExpired()) {
					throw new DeadlineExceededException(this.attempt.deadline(), null);
				}
				this.endReached = true;
			}
			else {
				this.read += n;
			}
			return n;
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public void close() throws IOException {
			if (isComplete()) {
				this.in.close();
			}
			else {
				this.attempt.abort();
			}
		}

	}

}
