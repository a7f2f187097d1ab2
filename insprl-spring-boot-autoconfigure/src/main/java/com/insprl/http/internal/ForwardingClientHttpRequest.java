package com.insprl.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;

/**
 * A request that hands everything to the request it wraps, a body written as a stream
 * included; a subclass changes what it needs, such as how the request is executed.
 */
public abstract class ForwardingClientHttpRequest implements ClientHttpRequest, StreamingHttpOutputMessage {

	/** The wrapped request. */
	protected final ClientHttpRequest request;

	/**
	 * Wrap a request.
	 * @param request the request
	 */
	protected ForwardingClientHttpRequest(ClientHttpRequest request) {
		this.request = request;
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
