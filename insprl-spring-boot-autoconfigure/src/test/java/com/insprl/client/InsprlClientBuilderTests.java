package com.insprl.client;

import java.time.Duration;

import com.insprl.http.internal.Durations;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link InsprlClientBuilder}: what it refuses, and that the message names what
 * to fix.
 */
class InsprlClientBuilderTests {

	private final InsprlClientBuilder builder = InsprlClient.builder();

	@Test
	void aMissingArgumentIsRefusedByName() {
		assertRefused(() -> this.builder.credentials(null), "credentials must not be null");
		assertRefused(() -> this.builder.rateLimiter(null, Duration.ZERO), "rateLimiter must not be null");
		assertRefused(() -> this.builder.rateLimiter(LocalRateLimiter.pausesOnly(), null),
				"maxWait must not be negative");
		assertRefused(() -> this.builder.callTimeout(null), "callTimeout must be positive");
		assertRefused(() -> this.builder.usageLimitPause(null), "usageLimitPause must not be negative");
		assertRefused(() -> this.builder.transport(null), "transport must not be null");
		assertRefused(() -> this.builder.timeouts(null, Duration.ofSeconds(1)), "connectTimeout must be positive");
		assertRefused(() -> this.builder.timeouts(Duration.ofSeconds(1), null), "readTimeout must be positive");
		assertRefused(() -> this.builder.customizer(null), "customizer must not be null");
		assertRefused(() -> this.builder.observations(null, null), "registry must not be null");
		assertRefused(() -> this.builder.backoff(null, Duration.ZERO, 1.0), "initialBackoff must not be negative");
		assertRefused(() -> this.builder.backoff(Duration.ZERO, null, 1.0), "maxBackoff must not be negative");
		assertRefused(() -> this.builder.baseUrl(null), "baseUrl must not be blank");
		assertRefused(() -> this.builder.listener(null), "listener must not be null");
		assertRefused(() -> this.builder.requestFactory(null), "requestFactory must not be null");
	}

	@Test
	void aValueOutOfRangeIsRefusedByName() {
		assertRefused(() -> this.builder.callTimeout(Duration.ZERO), "callTimeout must be positive");
		assertRefused(() -> this.builder.timeouts(Duration.ofSeconds(-1), Duration.ofSeconds(1)),
				"connectTimeout must be positive");
		assertRefused(() -> this.builder.timeouts(Duration.ofSeconds(1), Duration.ZERO),
				"readTimeout must be positive");
		assertRefused(() -> this.builder.usageLimitPause(Duration.ofMillis(-1)),
				"usageLimitPause must not be negative");
		assertRefused(() -> this.builder.rateLimiter(LocalRateLimiter.pausesOnly(), Duration.ofMillis(-1)),
				"maxWait must not be negative");
		assertRefused(() -> this.builder.maxAttempts(0), "maxAttempts must be at least 1");
		assertRefused(() -> this.builder.backoff(Duration.ZERO, Duration.ZERO, 0.99), "multiplier must be at least 1");
		assertRefused(() -> this.builder.backoff(Duration.ZERO, Duration.ZERO, Double.NaN),
				"multiplier must be at least 1");
		assertRefused(() -> this.builder.backoff(Duration.ofMillis(-1), Duration.ZERO, 1.0),
				"initialBackoff must not be negative");
		assertRefused(() -> this.builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 1.0),
				"maxBackoff must not be shorter than initialBackoff");
	}

	@Test
	void theSmallestAllowedValuesAreAccepted() {
		assertThatNoException().isThrownBy(() -> this.builder.callTimeout(Duration.ofMillis(1))
			.usageLimitPause(Duration.ZERO)
			.rateLimiter(LocalRateLimiter.pausesOnly(), Duration.ZERO));
	}

	@Test
	void whatIsNotSetIsOff() {
		assertThat(this.builder.settings.maxAttempts).as("attempts").isOne();
		assertThat(this.builder.settings.usageLimitPause).as("usage limit pause").isZero();
		assertThat(this.builder.settings.minAttemptTime).as("least time for an attempt").isZero();
		assertThat(this.builder.settings.callTimeout).as("call budget").isEqualTo(Durations.LONGEST_WAIT);
		assertThat(this.builder.settings.rateLimiter).as("rate limiter").isNull();
		assertThat(this.builder.settings.baseUrl).as("base URL, which must be set").isNull();
	}

	@Test
	void aClientIsNotBuiltWithoutItsBaseUrlAndTimeouts() {
		this.builder.noDefaultAccount();
		assertThatIllegalStateException().isThrownBy(this.builder::build).withMessage("baseUrl must be set");
		this.builder.baseUrl("https://insprl.com/api");
		assertThatIllegalStateException().isThrownBy(this.builder::build).withMessage("timeouts must be set");
	}

	@Test
	void aClientWithoutCredentialsMustSaySoBeforeItIsBuilt() {
		assertThatIllegalStateException().isThrownBy(this.builder::build)
			.withMessage("credentials must be set, unless the client is built with noDefaultAccount()");
	}

	private static void assertRefused(ThrowingCallable call, String message) {
		assertThatIllegalArgumentException().isThrownBy(call).withMessage(message);
	}

}
