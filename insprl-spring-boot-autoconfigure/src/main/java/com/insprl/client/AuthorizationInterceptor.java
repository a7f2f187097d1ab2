package com.insprl.client;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.util.Assert;

/**
 * Adds the {@code Authorization} header as the last interceptor of the insprl client's
 * {@code RestClient}, after every interceptor the application's customizers add: those
 * see the request, its observation and tracing headers, but never the client key. The
 * header goes into a copy of the request that only the request factory sees (the client
 * library, or a test's {@code MockRestServiceServer}); the request the application's
 * interceptors hold never carries it, not even once the exchange is over.
 * <p>
 * The value travels from the call to this interceptor on the calling thread, in a scope
 * opened around the exchange, so that nothing the application's interceptors are handed
 * (headers, attributes) holds it.
 */
final class AuthorizationInterceptor implements ClientHttpRequestInterceptor {

	static final AuthorizationInterceptor INSTANCE = new AuthorizationInterceptor();

	private static final ThreadLocal<String> authorization = new ThreadLocal<>();

	private AuthorizationInterceptor() {
	}

	/**
	 * Authorize the requests the calling thread makes until the scope is closed.
	 * @param value the {@code Authorization} header's value
	 * @return the scope, to close once the exchange is over
	 */
	static Scope authorize(String value) {
		String previous = authorization.get();
		authorization.set(value);
		return (previous != null) ? () -> authorization.set(previous) : authorization::remove;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String value = authorization.get();
		Assert.state(value != null, "An insprl request reached its last interceptor on a thread other than its "
				+ "caller's: an interceptor of the application handed it to another thread, so it is not sent");
		return execution.execute(new Authorized(request, value), body);
	}

	/**
	 * The request as the request factory sees it: the same, with the
	 * {@code Authorization} header in a copy of its headers.
	 */
	private static final class Authorized extends HttpRequestWrapper {

		private final HttpHeaders headers;

		Authorized(HttpRequest request, String authorization) {
			super(request);
			this.headers = HttpHeaders.copyOf(request.getHeaders());
			this.headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public String toString() {
			return "insprl request " + getMethod() + " " + getURI();
		}

	}

	/**
	 * An authorization in force until closed.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
