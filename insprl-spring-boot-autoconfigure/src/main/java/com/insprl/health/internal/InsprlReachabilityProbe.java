package com.insprl.health.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Checks that insprl's host answers HTTP at all: a {@code HEAD} of the base URL, without
 * credentials, where any HTTP status means reachable. It never calls an operation.
 */
public class InsprlReachabilityProbe {

	private final URI baseUrl;

	private final ClientHttpRequestFactory requestFactory;

	/**
	 * Create a probe.
	 * @param baseUrl the API root to probe; only its scheme, host, port and path are used
	 * (and shown), never a query, fragment or user info
	 * @param requestFactory a request factory whose timeouts bound the probe
	 */
	public InsprlReachabilityProbe(String baseUrl, ClientHttpRequestFactory requestFactory) {
		URI uri = URI.create(baseUrl);
		try {
			this.baseUrl = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("baseUrl is not a valid URL", ex);
		}
		this.requestFactory = requestFactory;
	}

	/**
	 * Probe the host.
	 * @return the HTTP status it answered with
	 * @throws IOException if it could not be reached in time
	 */
	public int probe() throws IOException {
		try (ClientHttpResponse response = this.requestFactory.createRequest(this.baseUrl, HttpMethod.HEAD).execute()) {
			return response.getStatusCode().value();
		}
	}

	/**
	 * Return the URL probed.
	 * @return the base URL
	 */
	public URI getBaseUrl() {
		return this.baseUrl;
	}

}
