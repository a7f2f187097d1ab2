package com.insprl.autoconfigure;

import java.util.Locale;
import java.util.Objects;

import com.insprl.client.InsprlClientBuilder;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.internal.CredentialRules;
import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.StringUtils;

/**
 * Configures an {@link InsprlClientBuilder} from the {@code insprl.*} properties and the
 * {@link InsprlConnectionDetails}, as Spring Boot's configurers do: each property is
 * mapped once, with {@link PropertyMapper}, and a value the builder refuses fails
 * start-up naming the property, where its value came from and what to set, before any
 * request is made. A problem of the application's own connection details bean names the
 * bean. No message holds the client key.
 */
final class InsprlClientConfigurer {

	private final InsprlProperties properties;

	private final InsprlConnectionDetails connectionDetails;

	InsprlClientConfigurer(InsprlProperties properties, InsprlConnectionDetails connectionDetails) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
	}

	void configure(InsprlClientBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		InsprlProperties properties = this.properties;
		map.from(properties::getConnectTimeout)
			.to(PropertyChecks.to("insprl.connect-timeout",
					(timeout) -> Durations.requireTimeout(timeout, "connectTimeout")));
		map.from(properties::getReadTimeout)
			.to(PropertyChecks.to("insprl.read-timeout",
					(timeout) -> Durations.requireTimeout(timeout, "readTimeout")));
		builder.timeouts(properties.getConnectTimeout(), properties.getReadTimeout());
		map.from(properties::getCallTimeout).to(PropertyChecks.to("insprl.call-timeout", builder::callTimeout));
		map.from(properties::getMinAttemptTime)
			.to(PropertyChecks.to("insprl.min-attempt-time", builder::minAttemptTime));
		map.from(properties::getUsageLimitPause)
			.to(PropertyChecks.to("insprl.usage-limit-pause", builder::usageLimitPause));
		InsprlProperties.Retry retry = properties.getRetry();
		map.from(retry::getMaxAttempts).to(PropertyChecks.to("insprl.retry.max-attempts", builder::maxAttempts));
		backoff(builder, retry);
		baseUrl(builder);
		InsprlCredentials credentials = credentials();
		if (credentials != null) {
			builder.credentials(credentials);
		}
		else {
			builder.noDefaultAccount();
		}
	}

	/**
	 * Set the back-off, naming the property whose value the builder refuses.
	 * @param builder the builder
	 * @param retry the retry properties
	 */
	private static void backoff(InsprlClientBuilder builder, InsprlProperties.Retry retry) {
		try {
			builder.backoff(retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getMultiplier());
		}
		catch (IllegalArgumentException ex) {
			String reason = String.valueOf(ex.getMessage()).replace("initialBackoff", "insprl.retry.initial-backoff");
			if (reason.startsWith("maxBackoff ")) {
				throw PropertyChecks.invalid("insprl.retry.max-backoff", retry.getMaxBackoff(),
						reason.substring("maxBackoff ".length()));
			}
			if (reason.startsWith("multiplier ")) {
				throw PropertyChecks.invalid("insprl.retry.multiplier", retry.getMultiplier(),
						reason.substring("multiplier ".length()));
			}
			throw PropertyChecks.invalid("insprl.retry.initial-backoff", retry.getInitialBackoff(),
					reason.substring("insprl.retry.initial-backoff ".length()));
		}
	}

	private void baseUrl(InsprlClientBuilder builder) {
		String baseUrl = this.connectionDetails.getBaseUrl();
		if (!StringUtils.hasText(baseUrl)) {
			throw invalidDetail("insprl.base-url", baseUrl, "base URL", "is blank");
		}
		try {
			builder.baseUrl(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw invalidDetail("insprl.base-url", SecretPropertyFailureAnalyzer.redactUrl(baseUrl), "base URL",
					String.valueOf(ex.getMessage()).replaceFirst("^baseUrl ", ""));
		}
	}

	/**
	 * Return the default account's credentials, or {@code null} when the application has
	 * none ({@code insprl.require-credentials=false} and neither is given).
	 * @return the credentials, or {@code null}
	 */
	private @Nullable InsprlCredentials credentials() {
		String clientId = this.connectionDetails.getClientId();
		String clientKey = this.connectionDetails.getClientKey();
		if (!this.properties.isRequireCredentials() && !StringUtils.hasText(clientId)
				&& !StringUtils.hasText(clientKey)) {
			return null;
		}
		String idProblem = CredentialRules.clientIdProblem(clientId);
		if (idProblem != null) {
			throw invalidDetail("insprl.client-id", clientId, "client id", idProblem);
		}
		String keyProblem = CredentialRules.clientKeyProblem(clientKey);
		if (keyProblem != null) {
			throw invalidDetail("insprl.client-key", SecretPropertyFailureAnalyzer.MASK, "client key", keyProblem);
		}
		return new InsprlCredentials(Objects.requireNonNull(clientId), Objects.requireNonNull(clientKey));
	}

	/**
	 * Return the failure of a connection detail: the property named, with its environment
	 * variable, when it comes from the properties; the application's bean otherwise.
	 * @param property the property that gives it by default
	 * @param value its value, masked if it is a secret
	 * @param detail what it is, such as {@code client id}
	 * @param problem what is wrong with it
	 * @return the failure
	 */
	private RuntimeException invalidDetail(String property, @Nullable Object value, String detail, String problem) {
		if (this.connectionDetails instanceof PropertiesInsprlConnectionDetails) {
			String variable = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
			return PropertyChecks.invalid(property, value,
					"The " + detail + " " + problem + ". Set '" + property
							+ "' in application.yml (or application.properties), or set the " + variable
							+ " environment variable; to run without the insprl client, set 'insprl.enabled=false'.");
		}
		return new IllegalStateException("The application's InsprlConnectionDetails bean ("
				+ this.connectionDetails.getClass().getName() + ") gives a " + detail + " that " + problem
				+ ": fix the bean, or remove it to use the insprl.* properties");
	}

}
