package com.insprl.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Options for the calls made through a view of the client or service
 * ({@code withOptions}): the call timeout (the whole call's budget: attempts, back-offs,
 * {@code Retry-After} and rate-limit waits) and the most attempts. What is not set keeps
 * the configured value. Immutable; build one with {@link #builder()}.
 */
public final class InsprlCallOptions {

	/** Options that set nothing: every call keeps the configured values. */
	public static final InsprlCallOptions NONE = new InsprlCallOptions(null, null);

	private final @Nullable Duration callTimeout;

	private final @Nullable Integer maxAttempts;

	private InsprlCallOptions(@Nullable Duration callTimeout, @Nullable Integer maxAttempts) {
		this.callTimeout = callTimeout;
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Return a builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder(null, null);
	}

	/**
	 * Return a builder that starts from these options.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this.callTimeout, this.maxAttempts);
	}

	/**
	 * Return the call timeout.
	 * @return the call timeout, or {@code null} to keep the configured one
	 */
	public @Nullable Duration getCallTimeout() {
		return this.callTimeout;
	}

	/**
	 * Return the most attempts per call, the first included.
	 * @return the most attempts, or {@code null} to keep the configured number
	 */
	public @Nullable Integer getMaxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Return these options over others: what these set wins, the rest comes from them.
	 * @param base the options underneath
	 * @return the combined options
	 */
	InsprlCallOptions over(InsprlCallOptions base) {
		return new InsprlCallOptions((this.callTimeout != null) ? this.callTimeout : base.callTimeout,
				(this.maxAttempts != null) ? this.maxAttempts : base.maxAttempts);
	}

	@Override
	public String toString() {
		return "InsprlCallOptions{callTimeout=" + this.callTimeout + ", maxAttempts=" + this.maxAttempts + "}";
	}

	/**
	 * Builds {@link InsprlCallOptions}.
	 */
	public static final class Builder {

		private @Nullable Duration callTimeout;

		private @Nullable Integer maxAttempts;

		private Builder(@Nullable Duration callTimeout, @Nullable Integer maxAttempts) {
			this.callTimeout = callTimeout;
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Set the whole call's budget: every attempt, back-off and wait counts against
		 * it.
		 * @param callTimeout a positive duration
		 * @return this builder
		 */
		public Builder callTimeout(Duration callTimeout) {
			Assert.isTrue(callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero(),
					"callTimeout must be positive");
			this.callTimeout = callTimeout;
			return this;
		}

		/**
		 * Set the most attempts per call, the first included; {@code 1} turns retries
		 * off.
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
			this.maxAttempts = maxAttempts;
			return this;
		}

		public InsprlCallOptions build() {
			return new InsprlCallOptions(this.callTimeout, this.maxAttempts);
		}

	}

}
