package com.insprl.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.insprl.http.internal.CallDeadline;
import com.insprl.http.internal.ForwardingClientHttpRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
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

	private final @Nullable InFlight inFlight;

	DeadlineRequestFactory(ClientHttpRequestFactory library, AttemptWatchdog watchdog, Duration deadline) {
		this(library, watchdog, deadline, null);
	}

	DeadlineRequestFactory(ClientHttpRequestFactory library, AttemptWatchdog watchdog, Duration deadline,
			@Nullable InFlight inFlight) {
		this.library = library;
		this.watchdog = watchdog;
		this.deadline = deadline;
		this.inFlight = inFlight;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		Attempt attempt = new Attempt(CallDeadline.cap(this.deadline), this.inFlight);
		attempt.enter();
		try {
			return new DeadlineRequest(this.library.createRequest(uri, httpMethod), uri, attempt, this.watchdog);
		}
		catch (IOException | RuntimeException ex) {
			attempt.finish();
			Attempt.leave();
			throw ex;
		}
	}

	private static final class DeadlineRequest extends ForwardingClientHttpRequest {

		private final URI uri;

		private final Attempt attempt;

		private final AttemptWatchdog watchdog;

		/**
		 * Create a request.
		 * @param request the library's request
		 * @param uri the URI it was created for, given back as is: some libraries build a
		 * new {@code URI} on every {@code getURI()}, and the observation asks for it more
		 * than once
		 * @param attempt the attempt
		 * @param watchdog the watchdog
		 */
		DeadlineRequest(ClientHttpRequest request, URI uri, Attempt attempt, AttemptWatchdog watchdog) {
			super(request);
			this.uri = uri;
			this.attempt = attempt;
			this.watchdog = watchdog;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			this.attempt.enter();
			this.attempt.arm(this.watchdog);
			ClientHttpResponse response;
			try {
				response = this.request.execute();
			}
			catch (IOException ex) {
				this.attempt.failed(ex);
				throw this.attempt.translate(ex);
			}
			catch (RuntimeException ex) {
				this.attempt.failed(ex);
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
				Attempt.leave();
			}
			return new DeadlineResponse(response, this.attempt, getMethod() == HttpMethod.HEAD);
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

	}

}
