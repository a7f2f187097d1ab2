package com.insprl.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the client key in actuator's {@code /env} and {@code /configprops}, even where
 * {@code show-values} is {@code always}: any property named like the client key
 * ({@code insprl.client-key}, {@code INSPRL_CLIENT_KEY}, {@code clientKey}), and any
 * value that contains the configured key.
 */
class ClientKeySanitizingFunction implements SanitizingFunction {

	private final @Nullable String clientKey;

	ClientKeySanitizingFunction(@Nullable String clientKey) {
		this.clientKey = (clientKey != null && !clientKey.isBlank()) ? clientKey : null;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (isClientKeyName(data.getKey()) || containsClientKey(data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private static boolean isClientKeyName(String key) {
		if (key == null) {
			return false;
		}
		String name = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		return name.equals("insprlclientkey") || name.equals("clientkey");
	}

	private boolean containsClientKey(@Nullable Object value) {
		return this.clientKey != null && value instanceof CharSequence text && text.toString().contains(this.clientKey);
	}

}
