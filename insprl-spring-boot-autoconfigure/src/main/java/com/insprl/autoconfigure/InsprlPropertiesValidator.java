package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import com.insprl.client.InsprlClientBuilder;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlRetrySettings;
import com.insprl.client.internal.CredentialRules;
import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks {@link InsprlProperties} and the {@link InsprlConnectionDetails} before anything
 * is built from them, so a misconfiguration stops start-up with the property (or the
 * application's bean) named instead of failing on the first call. The rules are those of
 * the types the properties become ({@link InsprlCredentials},
 * {@link InsprlClientBuilder}, {@link InsprlRetrySettings}); this class only names the
 * property. No message quotes a credential.
 */
final class InsprlPropertiesValidator {

	private InsprlPropertiesValidator() {
	}

	/**
	 * Return the default account's credentials, or {@code null} when the application has
	 * none ({@code insprl.require-credentials=false} and neither is given).
	 * @param details where the account comes from: the properties, or the application's
	 * own bean
	 * @param requireCredentials whether the application must have a default account
	 * @return the credentials, or {@code null}
	 */
	static @Nullable InsprlCredentials credentials(InsprlConnectionDetails details, boolean requireCredentials) {
		String clientId = details.getClientId();
		String clientKey = details.getClientKey();
		if (!requireCredentials && !StringUtils.hasText(clientId) && !StringUtils.hasText(clientKey)) {
			return null;
		}
		String idProblem = CredentialRules.clientIdProblem(clientId);
		if (idProblem != null) {
			throw invalid(details, "insprl.client-id", "client id", idProblem);
		}
		String keyProblem = CredentialRules.clientKeyProblem(clientKey);
		if (keyProblem != null) {
			throw invalid(details, "insprl.client-key", "client key", keyProblem);
		}
		return new InsprlCredentials(Objects.requireNonNull(clientId), Objects.requireNonNull(clientKey));
	}

	static void baseUrl(InsprlClientBuilder builder, InsprlConnectionDetails details) {
		String baseUrl = details.getBaseUrl();
		if (!StringUtils.hasText(baseUrl)) {
			throw invalid(details, "insprl.base-url", "base URL", "is blank");
		}
		try {
			builder.baseUrl(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(details, "insprl.base-url", "base URL",
					String.valueOf(ex.getMessage()).replaceFirst("^baseUrl ", ""));
		}
	}

	/**
	 * Return the failure of a connection detail: the property named when it comes from
	 * the properties, the application's bean otherwise.
	 * @param details where the detail comes from
	 * @param property the property that gives it by default
	 * @param detail what it is, such as {@code client id}
	 * @param problem what is wrong with it
	 * @return the failure
	 */
	private static RuntimeException invalid(InsprlConnectionDetails details, String property, String detail,
			String problem) {
		if (details instanceof PropertiesInsprlConnectionDetails) {
			return new InvalidInsprlPropertyException(property, problem);
		}
		return new IllegalStateException(
				"The application's InsprlConnectionDetails bean (" + details.getClass().getName() + ") gives a "
						+ detail + " that " + problem + ": fix the bean, or remove it to use the insprl.* properties");
	}

	static InsprlRetrySettings retry(InsprlProperties properties) {
		InsprlProperties.Retry retry = properties.getRetry();
		if (retry.getMaxAttempts() < 1) {
			throw new InvalidInsprlPropertyException("insprl.retry.max-attempts",
					"must be at least 1 (1 turns retries off), not " + retry.getMaxAttempts());
		}
		if (retry.getInitialBackoff() == null || retry.getInitialBackoff().isNegative()) {
			throw new InvalidInsprlPropertyException("insprl.retry.initial-backoff",
					"must not be negative, not " + Durations.format(retry.getInitialBackoff()));
		}
		if (retry.getMaxBackoff() == null || retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
			throw new InvalidInsprlPropertyException("insprl.retry.max-backoff",
					"must not be shorter than insprl.retry.initial-backoff, not "
							+ Durations.format(retry.getMaxBackoff()));
		}
		if (!(retry.getMultiplier() >= 1.0)) {
			throw new InvalidInsprlPropertyException("insprl.retry.multiplier",
					"must be at least 1, not " + retry.getMultiplier());
		}
		atMost("insprl.retry.max-backoff", retry.getMaxBackoff(), Durations.LONGEST_WAIT);
		return new InsprlRetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMultiplier());
	}

	static void timeouts(InsprlProperties properties) {
		positive("insprl.connect-timeout", properties.getConnectTimeout());
		atMost("insprl.connect-timeout", properties.getConnectTimeout(), Durations.LONGEST_TIMEOUT);
		positive("insprl.read-timeout", properties.getReadTimeout());
		atMost("insprl.read-timeout", properties.getReadTimeout(), Durations.LONGEST_TIMEOUT);
		// a call timeout of a century or more is held as a century: the other bounds
		// decide
		positive("insprl.call-timeout", properties.getCallTimeout());
		if (properties.getWhatsapp().getBulkConcurrency() < 1) {
			throw new InvalidInsprlPropertyException("insprl.whatsapp.bulk-concurrency",
					"must be at least 1, not " + properties.getWhatsapp().getBulkConcurrency());
		}
		if (properties.getMaxConnections() < 1) {
			throw new InvalidInsprlPropertyException("insprl.max-connections",
					"must be at least 1, not " + properties.getMaxConnections());
		}
	}

	/**
	 * Check the rate limit properties of an enabled rate limit.
	 * @param properties the properties
	 * @return the rate and the burst to use
	 */
	static RateLimit rateLimit(InsprlProperties properties) {
		InsprlProperties.RateLimit rateLimit = properties.getRateLimit();
		Double rate = rateLimit.getRequestsPerSecond();
		if (rate == null || !(rate > 0) || rate.isInfinite()) {
			throw new InvalidInsprlPropertyException("insprl.rate-limit.requests-per-second",
					"must be a positive number when insprl.rate-limit.enabled is true, not " + rate);
		}
		int burst = (rateLimit.getBurst() != null) ? rateLimit.getBurst() : (int) Math.max(1, Math.ceil(rate));
		if (burst < 1) {
			throw new InvalidInsprlPropertyException("insprl.rate-limit.burst", "must be at least 1, not " + burst);
		}
		if (rateLimit.getMaxWait() == null || rateLimit.getMaxWait().isNegative()) {
			throw new InvalidInsprlPropertyException("insprl.rate-limit.max-wait",
					"must not be negative, not " + Durations.format(rateLimit.getMaxWait()));
		}
		atMost("insprl.rate-limit.max-wait", rateLimit.getMaxWait(), Durations.LONGEST_WAIT);
		positive("insprl.rate-limit.store-timeout", rateLimit.getStoreTimeout());
		atMost("insprl.rate-limit.store-timeout", rateLimit.getStoreTimeout(), Durations.LONGEST_WAIT);
		return new RateLimit(rate, burst);
	}

	static Duration minAttemptTime(InsprlProperties properties) {
		return wait("insprl.min-attempt-time", properties.getMinAttemptTime(), "0 sends whatever is left");
	}

	static Duration usageLimitPause(InsprlProperties properties) {
		return wait("insprl.usage-limit-pause", properties.getUsageLimitPause(), "0 does not pause");
	}

	/**
	 * Check a wait that may be zero: not negative, and at most the longest wait.
	 * @param property the property
	 * @param wait its value
	 * @param zero what zero means, for the message
	 * @return the wait
	 */
	private static Duration wait(String property, Duration wait, String zero) {
		if (wait == null || wait.isNegative()) {
			throw new InvalidInsprlPropertyException(property,
					"must not be negative (" + zero + "), not " + Durations.format(wait));
		}
		atMost(property, wait, Durations.LONGEST_WAIT);
		return wait;
	}

	/**
	 * Refuse a duration longer than the longest allowed, naming it.
	 * @param property the property
	 * @param duration its value
	 * @param longest the longest allowed
	 */
	static void atMost(String property, Duration duration, Duration longest) {
		if (duration.compareTo(longest) > 0) {
			throw new InvalidInsprlPropertyException(property,
					"must be at most " + Durations.format(longest) + ", not " + Durations.format(duration));
		}
	}

	static void positive(String property, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidInsprlPropertyException(property,
					"must be a positive duration, not " + Durations.format(duration));
		}
	}

	/**
	 * A checked rate limit.
	 *
	 * @param requestsPerSecond the sustained rate
	 * @param burst the most requests sent at once
	 */
	record RateLimit(double requestsPerSecond, int burst) {
	}

}
