package com.insprl.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

	private InsprlRetrySettings retrySettings = InsprlRetrySettings.DEFAULTS;

	private final List<InsprlCallListener> listeners = new ArrayList<>();

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
	 * Set the API root, {@code https://insprl.com/api} by default. It must be {@code https}:
	 * the client key travels in a header. Plain {@code http} is accepted only for a loopback
	 * host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), for tests and local stubs.
	 * @param baseUrl an absolute URL
	 * @return this builder
	 * @throws IllegalArgumentException if the URL is not absolute, or is plain http to
	 * another host
	 */
	public InsprlClientBuilder baseUrl(String baseUrl) {
		Assert.hasText(baseUrl, "baseUrl must not be blank");
		String trimmed = baseUrl.trim();
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalArgumentException("baseUrl is not a valid URL ('" + baseUrl + "')");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		Assert.isTrue(uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")),
				() -> "baseUrl must be an absolute https URL such as https://insprl.com/api, not '" + baseUrl + "'");
		Assert.isTrue(scheme.equals("https") || isLoopback(uri.getHost()),
				() -> "baseUrl uses plain http for host '" + uri.getHost() + "': the client key would travel in "
						+ "clear text. Use https (http is accepted only for localhost and 127.0.0.1)");
		this.baseUrl = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
		return this;
	}

	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.equals("[::1]") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

	/**
	 * Set how failed calls are retried; {@link InsprlRetrySettings#DEFAULTS} unless set.
	 * @param retrySettings the retry settings, {@link InsprlRetrySettings#NONE} for none
	 * @return this builder
	 */
	public InsprlClientBuilder retry(InsprlRetrySettings retrySettings) {
		Assert.notNull(retrySettings, "retrySettings must not be null");
		this.retrySettings = retrySettings;
		return this;
	}

	/**
	 * Add a listener told of every completed call.
	 * @param listener the listener
	 * @return this builder
	 */
	public InsprlClientBuilder listener(InsprlCallListener listener) {
		Assert.notNull(listener, "listener must not be null");
		this.listeners.add(listener);
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
		return new InsprlClient(restClient, this.baseUrl, this.credentials, this.maxReplyBytes, this.retrySettings,
				this.listeners);
	}

	private static String userAgent() {
		String version = InsprlClientBuilder.class.getPackage().getImplementationVersion();
		return "insprl-spring-boot/" + ((version != null) ? version : "dev");
	}

}
