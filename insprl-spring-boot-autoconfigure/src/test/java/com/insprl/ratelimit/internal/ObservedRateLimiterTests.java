package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ObservedRateLimiter}.
 */
class ObservedRateLimiterTests {

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ScriptedLimiter delegate = new ScriptedLimiter();

	private final ObservedRateLimiter limiter = new ObservedRateLimiter(this.delegate, this.observations, "redis");

	@Test
	void aPermitIsObservedAsPermitted() throws Exception {
		this.delegate.wait = Duration.ZERO;
		assertThat(this.limiter.acquire("client-42", Duration.ZERO)).isZero();
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasSingleObservationThat()
			.hasNameEqualTo(ObservedRateLimiter.NAME)
			.hasLowCardinalityKeyValue("store", "redis")
			.hasLowCardinalityKeyValue("outcome", "permitted")
			.doesNotHaveError()
			.hasBeenStopped();
	}

	@Test
	void aRefusalIsObservedAsRefusedAndItsWaitReturned() throws Exception {
		this.delegate.wait = Duration.ofSeconds(3);
		assertThat(this.limiter.acquire("client-42", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "refused")
			.doesNotHaveError()
			.hasBeenStopped();
	}

	@Test
	void aStoreFailureIsObservedAsFailedWithItsErrorAndRethrown() {
		InsprlRateLimitStoreException failure = new InsprlRateLimitStoreException("Redis did not answer", null);
		this.delegate.failure = failure;
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> this.limiter.acquire("client-42", Duration.ZERO))
			.isSameAs(failure);
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "failed")
			.hasError(failure)
			.hasBeenStopped();
	}

	@Test
	void pausesAndClosingReachTheDelegate() throws Exception {
		this.limiter.pause("client-42", Duration.ofSeconds(60), "paused");
		assertThat(this.delegate.paused).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.delegate.closed).isFalse();
		this.limiter.close();
		assertThat(this.delegate.closed).isTrue();
	}

	@Test
	void healthIsTheDelegates() {
		assertThat(this.limiter.healthDetails()).containsExactly(entry("store", "scripted"));
		assertThat(this.limiter.isFailing()).isFalse();
		this.delegate.failing = true;
		assertThat(this.limiter.isFailing()).isTrue();
	}

	static final class ScriptedLimiter implements ManagedRateLimiter, AutoCloseable {

		volatile boolean failing;

		volatile Duration wait = Duration.ZERO;

		volatile RuntimeException failure;

		volatile Duration paused;

		volatile boolean closed;

		@Override
		public Duration acquire(String account, Duration maxWait) {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.wait;
		}

		@Override
		public void pause(String account, Duration pause, String reason) {
			this.paused = pause;
		}

		@Override
		public List<PauseRegistry.Pause> pauses(int limit) {
			return List.of();
		}

		@Override
		public boolean lift(String account) {
			return false;
		}

		@Override
		public Map<String, Object> healthDetails() {
			return Map.of("store", "scripted");
		}

		@Override
		public boolean isFailing() {
			return this.failing;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
