package com.insprl.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import com.insprl.client.InsprlCredentials;

import org.springframework.util.StringUtils;

/**
 * Checks {@link InsprlProperties} before anything is built from them, so a
 * misconfiguration stops start-up with the property named instead of failing on the first
 * call.
 */
final class InsprlPropertiesValidator {

	private InsprlPropertiesValidator() {
	}

	static InsprlCredentials credentials(InsprlProperties properties) {
		String clientId = properties.getClientId();
		String clientKey = properties.getClientKey();
		if (!StringUtils.hasText(clientId)) {
			throw new InvalidInsprlPropertyException("insprl.client-id", "is not set (the account's CLIENT ID)");
		}
		if (!StringUtils.hasText(clientKey)) {
			throw new InvalidInsprlPropertyException("insprl.client-key", "is not set (the account's CLIENT KEY)");
		}
		if (InsprlCredentials.hasControlCharacter(clientId)) {
			throw new InvalidInsprlPropertyException("insprl.client-id",
					"contains control characters (such as CR or LF), which must never reach an HTTP request");
		}
		if (InsprlCredentials.hasControlCharacter(clientKey)) {
			throw new InvalidInsprlPropertyException("insprl.client-key",
					"contains control characters (such as CR or LF), which must never reach an HTTP header");
		}
		return new InsprlCredentials(clientId, clientKey);
	}

	static String baseUrl(InsprlProperties properties) {
		String baseUrl = properties.getBaseUrl();
		if (!StringUtils.hasText(baseUrl)) {
			throw new InvalidInsprlPropertyException("insprl.base-url", "is blank");
		}
		URI uri;
		try {
			uri = new URI(baseUrl.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidInsprlPropertyException("insprl.base-url", "is not a valid URL ('" + baseUrl + "')");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
			throw new InvalidInsprlPropertyException("insprl.base-url",
					"must be an absolute https URL such as https://insprl.com/api, not '" + baseUrl + "'");
		}
		if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
			throw new InvalidInsprlPropertyException("insprl.base-url", "uses plain http for host '" + uri.getHost()
					+ "': the client key would travel in clear text. Use https (http is accepted only for "
					+ "localhost and 127.0.0.1)");
		}
		return baseUrl.trim();
	}

	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
				|| name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

	static void timeouts(InsprlProperties properties) {
		positive("insprl.connect-timeout", properties.getConnectTimeout());
		positive("insprl.read-timeout", properties.getReadTimeout());
	}

	static void positive(String property, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidInsprlPropertyException(property, "must be a positive duration, not " + duration);
		}
	}

}
