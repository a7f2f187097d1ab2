package com.insprl.health;

import java.io.IOException;
import java.net.URI;

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
	 * @param baseUrl the API root to probe
	 * @param requestFactory a request factory whose timeouts bound the probe
	 */
	public InsprlReachabilityProbe(String baseUrl, ClientHttpRequestFactory requestFactory) {
		this.baseUrl = URI.create(baseUrl);
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
