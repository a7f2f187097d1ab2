package com.insprl.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * The rules a base URL obeys, since the client key travels with every request to it:
 * {@code https} (plain {@code http} only for a loopback host), and a scheme, host, port
 * and path only.
 */
public final class BaseUrls {

	private BaseUrls() {
	}

	/**
	 * Check a base URL and return it without a trailing slash.
	 * @param baseUrl an absolute URL
	 * @return the URL to use
	 * @throws IllegalArgumentException if the URL is unusable; the message does not quote
	 * it
	 */
	public static String check(String baseUrl) {
		Assert.hasText(baseUrl, "baseUrl must not be blank");
		String trimmed = baseUrl.trim();
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("baseUrl is not a valid URL");
		}
		String host = uri.getHost();
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		Assert.isTrue(host != null && (scheme.equals("https") || scheme.equals("http")),
				"baseUrl must be an absolute https URL: insprl's API root");
		Assert.isTrue(uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null,
				"baseUrl must not carry a query string, fragment or user info (the client key has no business in "
						+ "a URL): give scheme, host, port and path only");
		Assert.isTrue(scheme.equals("https") || isLoopback(host),
				() -> "baseUrl uses plain http for host '" + host + "': the client key would travel in "
						+ "clear text. Use https (http is accepted only for localhost and 127.0.0.1)");
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.equals("[::1]") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

}
