package com.insprl.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractStreamingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.CollectionUtils;

/**
 * Requests on the JDK {@code HttpClient} sent with its blocking {@code send}, on the
 * caller's thread. Spring's own JDK request sends with {@code sendAsync} and waits for
 * the future through {@code CompletableFuture}'s default executor, which on a machine
 * with two processors (the common pool's parallelism is then 1) starts a new thread for
 * every call; this one hands nothing to another executor. The body, a small form or JSON
 * document, is buffered and sent from one array. The client's own timer bounds the wait
 * for the reply's head (the read timeout, or the attempt's deadline when shorter); the
 * transport bounds the rest.
 */
final class JdkBlockingRequestFactory implements ClientHttpRequestFactory {

	/** Headers the JDK client sets itself and refuses from the caller, in any case. */
	private static final Set<String> RESTRICTED = restricted("connection", "content-length", "expect", "host",
			"upgrade");

	private static final byte[] NO_BYTES = {};

	/** The largest declared length an array is sized for before the body is written. */
	private static final int MOST_PRESIZED = 64 * 1024;

	private final HttpClient client;

	private final @Nullable Duration readTimeout;

	/**
	 * Create a factory.
	 * @param client the client
	 * @param readTimeout the time allowed for the reply's head, counted from sending, as
	 * Spring's own JDK request counts it; capped per request by the attempt's deadline
	 */
	JdkBlockingRequestFactory(HttpClient client, @Nullable Duration readTimeout) {
		this.client = client;
		this.readTimeout = readTimeout;
	}

	HttpClient client() {
		return this.client;
	}

	private static Set<String> restricted(String... names) {
		Set<String> restricted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		restricted.addAll(List.of(names));
		return Collections.unmodifiableSet(restricted);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new Request(uri, httpMethod);
	}

	/**
	 * Write the body once, into an array of the declared length when there is one (a
	 * buffer of Spring's own would start at 1 KB).
	 * @param body the body, or {@code null} if there is none
	 * @param declared the declared length, or -1
	 * @return the body's bytes
	 * @throws IOException if writing the body fails
	 */
	private static byte[] bytes(StreamingHttpOutputMessage.@Nullable Body body, long declared) throws IOException {
		if (body == null) {
			return NO_BYTES;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(
				(declared >= 0 && declared <= MOST_PRESIZED) ? (int) declared : 256);
		body.writeTo(out);
		return out.toByteArray();
	}

	/**
	 * Return the time the client waits for a reply's head: the read timeout, or the
	 * attempt's deadline when that is shorter (a call with little time left), so that the
	 * client's own timer ends the wait.
	 * @return the timeout, or {@code null} for none
	 */
	private @Nullable Duration timeout() {
		Attempt attempt = Attempt.current();
		if (attempt == null) {
			return this.readTimeout;
		}
		Duration deadline = attempt.deadline();
		return (this.readTimeout == null || deadline.compareTo(this.readTimeout) < 0) ? deadline : this.readTimeout;
	}

	private final class Request extends AbstractStreamingClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		Request(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers,
				StreamingHttpOutputMessage.@Nullable Body written) throws IOException {
			byte[] body = bytes(written, headers.getContentLength());
			HttpRequest.Builder request = HttpRequest.newBuilder(this.uri);
			Duration timeout = timeout();
			if (timeout != null) {
				request.timeout(timeout);
			}
			headers.forEach((name, values) -> {
				if (!RESTRICTED.contains(name)) {
					for (String value : values) {
						request.header(name, value);
					}
				}
			});
			request.method(this.method.name(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
			try {
				return new Response(
						JdkBlockingRequestFactory.this.client.send(request.build(), (info) -> new JdkReplyBody(
								info.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).orElse(-1))));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Could not send request: interrupted", ex);
			}
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final HttpResponse<InputStream> response;

		private final HttpHeaders headers;

		Response(HttpResponse<InputStream> response) {
			this.response = response;
			this.headers = headers(response.headers().map());
		}

		/**
		 * Return the JDK's own map of the reply's headers, case-insensitive and
		 * unmodifiable, seen as Spring's headers rather than copied; copied, without
		 * them, only when it holds HTTP/2 pseudo-headers (":status"), which an HTTP/1.1
		 * reply has none of.
		 * @param map the JDK's headers
		 * @return the headers, as Spring's
		 */
		private static HttpHeaders headers(Map<String, List<String>> map) {
			for (String name : map.keySet()) {
				if (name.startsWith(":")) {
					HttpHeaders copy = new HttpHeaders();
					map.forEach((header, values) -> {
						if (!header.startsWith(":")) {
							copy.addAll(header, values);
						}
					});
					return HttpHeaders.readOnlyHttpHeaders(copy);
				}
			}
			return HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(CollectionUtils.toMultiValueMap(map)));
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.response.statusCode());
		}

		@Override
		public String getStatusText() {
			return "";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return this.response.body();
		}

		@Override
		public void close() {
			try {
				this.response.body().close();
			}
			catch (IOException ex) {
				// nothing more to release
			}
		}

	}

}
