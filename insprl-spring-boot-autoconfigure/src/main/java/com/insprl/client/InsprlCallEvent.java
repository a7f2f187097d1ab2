package com.insprl.client;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One completed insprl call, as told to {@link InsprlCallListener}s.
 *
 * @param operation the operation name, such as {@code whatsapp.instance.logout}
 * @param outcome how it ended
 * @param code the API code of the last reply, or {@code null} when there was none
 * @param attempts how many requests were made, retries included (zero when the client's
 * rate limit refused the call)
 * @param duration the time from the call to its end, back-off included
 * @param completedAt when it ended
 * @param clientId the account's client id (not a secret; never its key)
 * @param failure the failure's message, which never holds the key, or {@code null} for a
 * success
 */
public record InsprlCallEvent(String operation, Outcome outcome, @Nullable Integer code, int attempts,
		Duration duration, Instant completedAt, String clientId, @Nullable String failure) {

	/**
	 * Create an event without a failure's message.
	 * @param operation the operation name
	 * @param outcome how it ended
	 * @param code the API code of the last reply, or {@code null}
	 * @param attempts how many requests were made
	 * @param duration the time from the call to its end
	 * @param completedAt when it ended
	 * @param clientId the account's client id
	 */
	public InsprlCallEvent(String operation, Outcome outcome, @Nullable Integer code, int attempts, Duration duration,
			Instant completedAt, String clientId) {
		this(operation, outcome, code, attempts, duration, completedAt, clientId, null);
	}

	/**
	 * How a call ended.
	 */
	public enum Outcome {

		/** insprl answered with code 100. */
		SUCCESS("success"),

		/** The credentials were rejected ({@link InsprlAuthenticationException}). */
		AUTHENTICATION("authentication"),

		/** The parameters were rejected ({@link InsprlValidationException}). */
		VALIDATION("validation"),

		/** A usage limit was reached ({@link InsprlRateLimitException}). */
		RATE_LIMITED("rate_limited"),

		/** Any other API answer or HTTP error ({@link InsprlApiException}). */
		API_ERROR("api_error"),

		/** No usable answer ({@link InsprlConnectionException}). */
		CONNECTION("connection");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		/**
		 * Return the outcome as a metric tag value, such as {@code rate_limited}.
		 * @return the tag value
		 */
		public String tag() {
			return this.tag;
		}

		/**
		 * Return the outcome a failure stands for.
		 * @param failure the failure
		 * @return the outcome
		 */
		public static Outcome of(InsprlException failure) {
			if (failure instanceof InsprlAuthenticationException) {
				return AUTHENTICATION;
			}
			if (failure instanceof InsprlValidationException) {
				return VALIDATION;
			}
			if (failure instanceof InsprlRateLimitException) {
				return RATE_LIMITED;
			}
			if (failure instanceof InsprlApiException) {
				return API_ERROR;
			}
			return CONNECTION;
		}

	}

}
