package com.insprl.client;

import java.io.IOException;
import java.net.URI;

import com.insprl.http.internal.ForwardingClientHttpRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;

/**
 * The insprl client's request factory, under every interceptor the application's
 * customizers add: each request gets the {@code Authorization} header only as it goes
 * out, from the call that sends it, so that the interceptors, the observation and
 * anything else that holds the request see it without the client key, before the exchange
 * and after it. Below it is the transport's request factory (or a test's stand-in for
 * it), which sends the request on.
 * <p>
 * The value travels from the call to its request on the calling thread, in a scope opened
 * around the exchange, so that nothing the application is handed (headers, attributes)
 * holds it.
 */
final class AuthorizingRequestFactory implements ClientHttpRequestFactory {

	private static final ThreadLocal<String> authorization = new ThreadLocal<>();

	private final ClientHttpRequestFactory requestFactory;

	AuthorizingRequestFactory(ClientHttpRequestFactory requestFactory) {
		this.requestFactory = requestFactory;
	}

	/**
	 * Authorize the requests the calling thread sends until the scope is closed.
	 * @param value the {@code Authorization} header's value
	 * @return the scope, to close once the exchange is over
	 */
	static Scope authorize(String value) {
		String previous = authorization.get();
		authorization.set(value);
		return (previous != null) ? () -> authorization.set(previous) : authorization::remove;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return new AuthorizedRequest(this.requestFactory.createRequest(uri, httpMethod));
	}

	/**
	 * An authorization in force until closed.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	private static final class AuthorizedRequest extends ForwardingClientHttpRequest {

		private boolean executed;

		AuthorizedRequest(ClientHttpRequest request) {
			super(request);
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			String value = authorization.get();
			Assert.state(value != null, "An insprl request was sent on a thread other than its caller's (an "
					+ "interceptor of the application handed it to another thread), so it is not sent");
			this.request.getHeaders().set(HttpHeaders.AUTHORIZATION, value);
			this.executed = true;
			return this.request.execute();
		}

		/**
		 * Return the request's headers: once it has been sent, a copy without the key.
		 */
		@Override
		public HttpHeaders getHeaders() {
			if (!this.executed) {
				return this.request.getHeaders();
			}
			HttpHeaders sent = new HttpHeaders();
			this.request.getHeaders().forEach((name, values) -> {
				if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
					sent.addAll(name, values);
				}
			});
			return HttpHeaders.readOnlyHttpHeaders(sent);
		}

		@Override
		public String toString() {
			return "insprl request " + getMethod() + " " + getURI();
		}

	}

}
