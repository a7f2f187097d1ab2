package com.insprl.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import com.insprl.http.internal.Durations;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.internal.StoreHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the insprl API as this application sees it, without side effects and without
 * hammering insprl.
 * <ul>
 * <li>If the last call of the default account had its credentials rejected (code 101),
 * DOWN until a later call of it succeeds.</li>
 * <li>Otherwise a reachability probe of the base URL's host: UP on any HTTP answer, DOWN
 * on none within the probe's timeout. Its result is kept for the cache TTL, so however
 * often health is polled, insprl sees at most one probe per TTL.</li>
 * </ul>
 * Details show the base URL and the last call (operation, outcome, code, time), never the
 * key.
 */
public class InsprlHealthIndicator extends AbstractHealthIndicator implements InsprlCallListener {

	private final InsprlReachabilityProbe probe;

	private final Duration cacheTtl;

	private final Clock clock;

	private final LongSupplier nanoTime;

	private final Object probeLock = new Object();

	private volatile @Nullable ProbeResult lastProbe;

	private volatile @Nullable InsprlCallEvent lastCall;

	private volatile @Nullable InsprlCallEvent credentialsRejected;

	private final @Nullable String defaultClientId;

	private final @Nullable InsprlRateLimiter rateLimiter;

	/**
	 * Create an indicator.
	 * @param probe the reachability probe
	 * @param cacheTtl how long a probe's answer is reused
	 * @param defaultClientId the client id of the application's default account, whose
	 * rejected credentials turn the indicator DOWN; {@code null} when there is none (the
	 * credentials of accounts used through {@code withCredentials} are the calling code's
	 * concern, and one customer's bad key must not turn the whole application DOWN)
	 */
	public InsprlHealthIndicator(InsprlReachabilityProbe probe, Duration cacheTtl, @Nullable String defaultClientId) {
		this(probe, cacheTtl, defaultClientId, null, Clock.systemUTC(), System::nanoTime);
	}

	/**
	 * Create an indicator that also shows the client-side rate limit, DOWN while it makes
	 * calls fail (its shared store unreachable, and failing closed).
	 * @param probe the reachability probe
	 * @param cacheTtl how long a probe's answer is reused
	 * @param defaultClientId the client id of the application's default account, or
	 * {@code null}
	 * @param rateLimiter the rate limiter, or {@code null}
	 */
	public InsprlHealthIndicator(InsprlReachabilityProbe probe, Duration cacheTtl, @Nullable String defaultClientId,
			@Nullable InsprlRateLimiter rateLimiter) {
		this(probe, cacheTtl, defaultClientId, rateLimiter, Clock.systemUTC(), System::nanoTime);
	}

	InsprlHealthIndicator(InsprlReachabilityProbe probe, Duration cacheTtl, @Nullable String defaultClientId,
			Clock clock, LongSupplier nanoTime) {
		this(probe, cacheTtl, defaultClientId, null, clock, nanoTime);
	}

	InsprlHealthIndicator(InsprlReachabilityProbe probe, Duration cacheTtl, @Nullable String defaultClientId,
			@Nullable InsprlRateLimiter rateLimiter, Clock clock, LongSupplier nanoTime) {
		super("insprl health check failed");
		Durations.requirePositive(cacheTtl, "cacheTtl");
		Durations.requireAtMost(cacheTtl, Durations.LONGEST_WAIT, "cacheTtl");
		this.probe = probe;
		this.cacheTtl = cacheTtl;
		this.defaultClientId = defaultClientId;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
		this.nanoTime = nanoTime;
	}

	@Override
	public void onCall(InsprlCallEvent event) {
		this.lastCall = event;
		if (this.defaultClientId == null || !this.defaultClientId.equals(event.clientId())) {
			return;
		}
		if (event.outcome() == InsprlCallEvent.Outcome.AUTHENTICATION) {
			this.credentialsRejected = event;
		}
		else if (event.outcome() == InsprlCallEvent.Outcome.SUCCESS) {
			this.credentialsRejected = null;
		}
	}

	/**
	 * Forget the last call, a rejected key and the last probe's answer, as a new
	 * application would. The test starter calls it between tests.
	 */
	@Override
	public void reset() {
		this.lastCall = null;
		this.credentialsRejected = null;
		this.lastProbe = null;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("baseUrl", this.probe.getBaseUrl().toString());
		InsprlCallEvent call = this.lastCall;
		if (call != null) {
			builder.withDetail("lastCall", describe(call));
		}
		if (this.rateLimiter instanceof StoreHealth store) {
			builder.withDetail("rateLimit", store.healthDetails());
			if (store.isFailing()) {
				builder.down();
				return;
			}
		}
		InsprlCallEvent rejected = this.credentialsRejected;
		if (rejected != null) {
			builder.down()
				.withDetail("credentials", "rejected by insprl (code 101) at " + rejected.completedAt()
						+ "; check insprl.client-id and insprl.client-key");
			return;
		}
		ProbeResult result = currentProbe();
		builder.withDetail("probe", result.details());
		if (result.reachable()) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	private ProbeResult currentProbe() {
		ProbeResult result = this.lastProbe;
		if (result != null && isFresh(result)) {
			return result;
		}
		synchronized (this.probeLock) {
			result = this.lastProbe;
			if (result == null || !isFresh(result)) {
				result = runProbe();
				this.lastProbe = result;
			}
			return result;
		}
	}

	private boolean isFresh(ProbeResult result) {
		return this.nanoTime.getAsLong() - result.checkedAtNanos() < this.cacheTtl.toNanos();
	}

	private ProbeResult runProbe() {
		Instant now = this.clock.instant();
		long nanos = this.nanoTime.getAsLong();
		try {
			int status = this.probe.probe();
			return new ProbeResult(true, now, nanos, "HTTP " + status);
		}
		catch (Exception ex) {
			return new ProbeResult(false, now, nanos, "unreachable: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	private static Map<String, Object> describe(InsprlCallEvent call) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("operation", call.operation());
		details.put("outcome", call.outcome().tag());
		if (call.code() != null) {
			details.put("code", call.code());
		}
		details.put("attempts", call.attempts());
		details.put("at", call.completedAt().toString());
		return details;
	}

	private record ProbeResult(boolean reachable, Instant checkedAt, long checkedAtNanos, String answer) {

		Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("reachable", this.reachable);
			details.put("answer", this.answer);
			details.put("checkedAt", this.checkedAt.toString());
			return details;
		}

	}

}
