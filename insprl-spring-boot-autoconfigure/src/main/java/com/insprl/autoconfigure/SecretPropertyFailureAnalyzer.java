package com.insprl.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reports an invalid {@code insprl.client-key} or {@code insprl.base-url} as Spring Boot
 * reports any invalid property (the property, where its value came from, the reason), but
 * without what may be secret: Spring Boot's own analysis quotes the value as its source
 * holds it, and the key is a secret, as a token in a URL's query or user info would be.
 * Ordered before Spring Boot's analyzers; other properties are left to them.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecretPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException> {

	static final String CLIENT_KEY = "insprl.client-key";

	static final String BASE_URL = "insprl.base-url";

	static final String MASK = "******";

	private final @Nullable Environment environment;

	SecretPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			InvalidConfigurationPropertyValueException cause) {
		String property = cause.getName();
		if (!CLIENT_KEY.equals(property) && !BASE_URL.equals(property)) {
			return null;
		}
		PropertySource<?> source = source(property);
		Object value = (source != null) ? source.getProperty(property) : cause.getValue();
		String shown = CLIENT_KEY.equals(property) ? MASK : redactUrl(String.valueOf(value));
		StringBuilder description = new StringBuilder(
				"Invalid value '" + shown + "' for configuration property '" + property + "'");
		Origin origin = (source != null) ? OriginLookup.getOrigin(source, property) : null;
		if (origin != null) {
			description.append(" (originating from '").append(origin).append("')");
		}
		description.append(". Validation failed for the following reason:\n\n").append(cause.getReason());
		String action = CLIENT_KEY.equals(property)
				? "Review the value of the property with the provided reason. It is a secret: keep it out of "
						+ "source control, in the INSPRL_CLIENT_KEY environment variable or a secret store."
				: "Review the value of the property with the provided reason.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private @Nullable PropertySource<?> source(String property) {
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (source.containsProperty(property)) {
					return source;
				}
			}
		}
		return null;
	}

	/**
	 * Return a URL with its user info, query and fragment masked, as any of them may
	 * carry a secret: {@code https://user:pw@host/api?token=x} becomes
	 * {@code https://******@host/api?******}.
	 * @param url the URL as the user gave it, valid or not
	 * @return the URL to show
	 */
	static String redactUrl(String url) {
		String shown = url;
		int query = indexOfQueryOrFragment(shown);
		if (query >= 0) {
			shown = shown.substring(0, query + 1) + MASK;
		}
		int authority = shown.indexOf("://");
		int start = (authority >= 0) ? authority + 3 : 0;
		int end = shown.indexOf('/', start);
		int userInfo = shown.lastIndexOf('@', (end >= 0) ? end : shown.length() - 1);
		if (userInfo >= start) {
			shown = shown.substring(0, start) + MASK + shown.substring(userInfo);
		}
		return shown;
	}

	private static int indexOfQueryOrFragment(String url) {
		int query = url.indexOf('?');
		int fragment = url.indexOf('#');
		return (query < 0) ? fragment : (fragment < 0) ? query : Math.min(query, fragment);
	}

}
