package com.insprl.client;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Builds an {@link InsprlClient}. The given {@link RestClient.Builder} is cloned, never
 * changed, so a shared builder stays as it was.
 */
public final class InsprlClientBuilder {

	/** The {@code User-Agent} the client sends. */
	public static final String USER_AGENT = userAgent();

	private RestClient.Builder restClientBuilder = RestClient.builder();

	private String baseUrl = "https://insprl.com/api";

	private InsprlCredentials credentials;

	private int maxReplyBytes = InsprlClient.DEFAULT_MAX_REPLY_BYTES;

	InsprlClientBuilder() {
	}

	/**
	 * Set the builder to start from, typically Spring Boot's auto-configured one, so that
	 * observation, customizers and the request factory apply.
	 * @param restClientBuilder the builder, cloned before use
	 * @return this builder
	 */
	public InsprlClientBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
		Assert.notNull(restClientBuilder, "restClientBuilder must not be null");
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	/**
	 * Set the API root, {@code https://insprl.com/api} by default.
	 * @param baseUrl an absolute {@code http} or {@code https} URL
	 * @return this builder
	 */
	public InsprlClientBuilder baseUrl(String baseUrl) {
		Assert.hasText(baseUrl, "baseUrl must not be blank");
		URI uri = URI.create(baseUrl);
		Assert.isTrue(uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())),
				() -> "baseUrl must be an absolute http(s) URL, not '" + baseUrl + "'");
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return this;
	}

	/**
	 * Set the account's credentials.
	 * @param credentials the credentials
	 * @return this builder
	 */
	public InsprlClientBuilder credentials(InsprlCredentials credentials) {
		Assert.notNull(credentials, "credentials must not be null");
		this.credentials = credentials;
		return this;
	}

	/**
	 * Set the largest reply body accepted; a larger reply fails with
	 * {@link InsprlConnectionException.Reason#REPLY_TOO_LARGE}.
	 * @param maxReplyBytes the limit in bytes, at least 1024
	 * @return this builder
	 */
	public InsprlClientBuilder maxReplyBytes(int maxReplyBytes) {
		Assert.isTrue(maxReplyBytes >= 1024, "maxReplyBytes must be at least 1024");
		this.maxReplyBytes = maxReplyBytes;
		return this;
	}

	/**
	 * Build the client.
	 * @return a new client
	 */
	public InsprlClient build() {
		Assert.state(this.credentials != null, "credentials must be set");
		RestClient restClient = this.restClientBuilder.clone()
			.baseUrl(this.baseUrl)
			.defaultHeader(HttpHeaders.USER_AGENT, USER_AGENT)
			.build();
		return new InsprlClient(restClient, this.credentials, this.maxReplyBytes);
	}

	private static String userAgent() {
		String version = InsprlClientBuilder.class.getPackage().getImplementationVersion();
		return "insprl-spring-boot/" + ((version != null) ? version : "dev");
	}

}
