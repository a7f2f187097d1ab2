package com.insprl.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The reply of one {@link Attempt}: its status read within the deadline, its body
 * reporting a read cut by the deadline as a timeout, and a body not read to its end
 * abandoned rather than drained.
 */
final class DeadlineResponse implements ClientHttpResponse {

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
	 * Return the status, or report a reply without a valid status line as the protocol
	 * violation it is ({@code HttpURLConnection} gives such a reply the status -1).
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
	 * A body never asked for must still be closed on abort by the libraries that offer no
	 * cancel, or closing the response would drain it.
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
			if (!this.attempt.isReleasedByCancel()) {
				closeQuietly();
			}
		}
	}

	/**
	 * Close the library's response. After an abort, some libraries throw where they would
	 * have drained; nothing of that may hide the failure being reported.
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
