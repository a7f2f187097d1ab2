package com.insprl.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A shared rate limit that keeps its promises when its store is unreachable: it falls
 * back on this JVM's own limit (fail open) or fails the calls (fail closed), logs one
 * WARN when the store is lost and one INFO when it is back, and asks the store again at
 * most every {@link #RETRY_INTERVAL}, so that an outage costs calls no more than one
 * store timeout now and then.
 */
public class FailoverRateLimiter implements InsprlRateLimiter, AutoCloseable {

	/** How long calls skip an unreachable store before it is tried again. */
	public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(FailoverRateLimiter.class);

	private final InsprlRateLimiter shared;

	private final InsprlRateLimiter local;

	private final boolean failOpen;

	private final Clock clock;

	private volatile @Nullable Instant unreachableSince;

	private volatile Instant retryAt = Instant.MIN;

	/**
	 * Create a limiter.
	 * @param shared the limiter shared through a store
	 * @param local the limiter of this JVM, used while the store is unreachable when
	 * failing open
	 * @param failOpen whether calls go on with the local limit while the store is
	 * unreachable ({@code true}), or fail
	 */
	public FailoverRateLimiter(InsprlRateLimiter shared, InsprlRateLimiter local, boolean failOpen) {
		this(shared, local, failOpen, Clock.systemUTC());
	}

	FailoverRateLimiter(InsprlRateLimiter shared, InsprlRateLimiter local, boolean failOpen, Clock clock) {
		this.shared = shared;
		this.local = local;
		this.failOpen = failOpen;
		this.clock = clock;
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		if (this.clock.instant().isBefore(this.retryAt)) {
			return withoutStore(account, maxWait, null);
		}
		try {
			Duration wait = this.shared.acquire(account, maxWait);
			reachable();
			return wait;
		}
		catch (RateLimitStoreException ex) {
			unreachable(ex);
			return withoutStore(account, maxWait, ex);
		}
	}

	private Duration withoutStore(String account, Duration maxWait, @Nullable RateLimitStoreException failure)
			throws InterruptedException {
		if (this.failOpen) {
			return this.local.acquire(account, maxWait);
		}
		throw (failure != null) ? failure : new RateLimitStoreException(
				"The rate limit's store is unreachable since " + this.unreachableSince, null);
	}

	@Override
	public void pause(String account, Instant until) {
		this.local.pause(account, until);
		if (this.clock.instant().isBefore(this.retryAt)) {
			return;
		}
		try {
			this.shared.pause(account, until);
		}
		catch (RateLimitStoreException ex) {
			unreachable(ex);
		}
	}

	private void reachable() {
		if (this.unreachableSince != null) {
			logger.info("The insprl rate limit's store is reachable again; calls share its limit again");
			this.unreachableSince = null;
		}
	}

	private synchronized void unreachable(RateLimitStoreException ex) {
		Instant now = this.clock.instant();
		this.retryAt = now.plus(RETRY_INTERVAL);
		if (this.unreachableSince == null) {
			this.unreachableSince = now;
			logger.warn("The insprl rate limit's store is unreachable (" + ex.getMessage() + "): "
					+ (this.failOpen ? "insprl calls go on with this JVM's own limit until it is back"
							: "insprl calls fail until it is back (insprl.rate-limit.fail-open=false)"));
		}
	}

	@Override
	public Map<String, Object> healthDetails() {
		Map<String, Object> details = new LinkedHashMap<>(this.shared.healthDetails());
		Instant since = this.unreachableSince;
		details.put("state", (since != null) ? "store unreachable since " + since
				+ (this.failOpen ? "; calls use this JVM's own limit" : "; calls fail") : "shared");
		return details;
	}

	@Override
	public boolean isFailing() {
		return !this.failOpen && this.unreachableSince != null;
	}

	@Override
	public void close() throws Exception {
		if (this.shared instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
