package com.insprl.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The {@link InsprlConnectionDetails} of the {@code insprl.*} properties.
 */
final class PropertiesInsprlConnectionDetails implements InsprlConnectionDetails {

	private final InsprlProperties properties;

	PropertiesInsprlConnectionDetails(InsprlProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String getClientId() {
		return this.properties.getClientId();
	}

	@Override
	public @Nullable String getClientKey() {
		return this.properties.getClientKey();
	}

	@Override
	public String toString() {
		return "PropertiesInsprlConnectionDetails[baseUrl=" + getBaseUrl() + ", clientId=" + getClientId() + "]";
	}

}
