package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes each permit a limiter gives or refuses as {@code insprl.rate-limit}: its timer
 * is the time waited, tagged with the {@code store} ({@code local} or {@code redis}) and
 * the {@code outcome} ({@code permitted} or {@code refused}), so refused calls are its
 * count with {@code outcome=refused}.
 */
public class ObservedRateLimiter implements ManagedRateLimiter, AutoCloseable {

	/** The observation's name, and so its timer's. */
	public static final String NAME = "insprl.rate-limit";

	private final ManagedRateLimiter delegate;

	private final ObservationRegistry registry;

	private final String store;

	public ObservedRateLimiter(ManagedRateLimiter delegate, ObservationRegistry registry, String store) {
		this.delegate = delegate;
		this.registry = registry;
		this.store = store;
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.lowCardinalityKeyValue("store", this.store)
			.start();
		try {
			Duration wait = this.delegate.acquire(account, maxWait);
			observation.lowCardinalityKeyValues(KeyValues.of("outcome", wait.isZero() ? "permitted" : "refused"));
			return wait;
		}
		catch (RuntimeException | InterruptedException ex) {
			observation.lowCardinalityKeyValues(KeyValues.of("outcome", "failed"));
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	@Override
	public void pause(String account, Duration pause, String reason) {
		this.delegate.pause(account, pause, reason);
	}

	@Override
	public List<Pause> pauses(int limit) {
		return this.delegate.pauses(limit);
	}

	@Override
	public boolean lift(String account) {
		return this.delegate.lift(account);
	}

	@Override
	public void reset() {
		this.delegate.reset();
	}

	@Override
	public Map<String, Object> healthDetails() {
		return this.delegate.healthDetails();
	}

	@Override
	public boolean isFailing() {
		return this.delegate.isFailing();
	}

	@Override
	public void close() throws Exception {
		if (this.delegate instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
