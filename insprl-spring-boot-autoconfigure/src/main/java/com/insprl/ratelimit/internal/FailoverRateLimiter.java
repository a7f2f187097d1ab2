package com.insprl.ratelimit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A shared rate limit that keeps its promises when its store is unreachable: it falls
 * back on this JVM's own limit (fail open) or fails the calls (fail closed), logs one
 * WARN when the store is lost and one INFO when it is back, and asks the store again at
 * most every {@link #RETRY_INTERVAL}, so that an outage costs calls no more than one
 * store timeout now and then. The interval is measured on a monotonic clock; the wall
 * clock only dates the outage in the health details. A caller interrupted while it waits
 * for the store ends with its interrupt, and says nothing of the store.
 */
public class FailoverRateLimiter implements ManagedRateLimiter, AutoCloseable {

	/** How long calls skip an unreachable store before it is tried again. */
	public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(FailoverRateLimiter.class);

	private final ManagedRateLimiter shared;

	private final ManagedRateLimiter local;

	private final boolean failOpen;

	private final Clock clock;

	private final LongSupplier nanoTime;

	private volatile @Nullable Instant unreachableSince;

	private volatile boolean skipping;

	private volatile long retryAt;

	/**
	 * Create a limiter.
	 * @param shared the limiter shared through a store
	 * @param local the limiter of this JVM, used while the store is unreachable when
	 * failing open
	 * @param failOpen whether calls go on with the local limit while the store is
	 * unreachable ({@code true}), or fail
	 */
	public FailoverRateLimiter(ManagedRateLimiter shared, ManagedRateLimiter local, boolean failOpen) {
		this(shared, local, failOpen, Clock.systemUTC(), System::nanoTime);
	}

	FailoverRateLimiter(ManagedRateLimiter shared, ManagedRateLimiter local, boolean failOpen, Clock clock,
			LongSupplier nanoTime) {
		this.shared = shared;
		this.local = local;
		this.failOpen = failOpen;
		this.clock = clock;
		this.nanoTime = nanoTime;
	}

	/**
	 * Return whether the store is being skipped now, within the retry interval after it
	 * was found unreachable.
	 * @return {@code true} if the store is not to be asked now
	 */
	private boolean skipping() {
		return this.skipping && this.nanoTime.getAsLong() - this.retryAt < 0;
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		if (skipping()) {
			return withoutStore(account, maxWait, null);
		}
		try {
			Duration wait = this.shared.acquire(account, maxWait);
			reachable();
			return wait;
		}
		catch (InsprlRateLimitStoreException ex) {
			unreachable(ex);
			return withoutStore(account, maxWait, ex);
		}
	}

	private Duration withoutStore(String account, Duration maxWait, @Nullable InsprlRateLimitStoreException failure)
			throws InterruptedException {
		if (this.failOpen) {
			return this.local.acquire(account, maxWait);
		}
		throw (failure != null) ? failure : new InsprlRateLimitStoreException(
				"The rate limit's store is unreachable since " + this.unreachableSince, null);
	}

	@Override
	public void pause(String account, Duration pause, String reason) {
		this.local.pause(account, pause, reason);
		if (skipping()) {
			return;
		}
		try {
			this.shared.pause(account, pause, reason);
		}
		catch (InsprlRateLimitStoreException ex) {
			unreachable(ex);
		}
	}

	/**
	 * Return the pauses the store holds for every replica, or this JVM's own while the
	 * store is unreachable.
	 */
	@Override
	public List<Pause> pauses(int limit) {
		if (!skipping()) {
			try {
				List<Pause> pauses = this.shared.pauses(limit);
				reachable();
				return pauses;
			}
			catch (InsprlRateLimitStoreException ex) {
				unreachable(ex);
			}
		}
		return this.local.pauses(limit);
	}

	/**
	 * Lift the account's pause in this JVM and in the store. (Other replicas keep their
	 * own copy of it, which they honour only while the store is unreachable.)
	 */
	@Override
	public boolean lift(String account) {
		boolean lifted = this.local.lift(account);
		try {
			lifted |= this.shared.lift(account);
			reachable();
		}
		catch (InsprlRateLimitStoreException ex) {
			unreachable(ex);
		}
		return lifted;
	}

	private void reachable() {
		if (this.unreachableSince != null) {
			logger.info("The insprl rate limit's store is reachable again; calls share its limit again");
			this.unreachableSince = null;
		}
		this.skipping = false;
	}

	private synchronized void unreachable(InsprlRateLimitStoreException ex) {
		this.retryAt = this.nanoTime.getAsLong() + RETRY_INTERVAL.toNanos();
		this.skipping = true;
		if (this.unreachableSince == null) {
			this.unreachableSince = this.clock.instant();
			logger.warn("The insprl rate limit's store is unreachable (" + ex.getMessage() + "): "
					+ (this.failOpen ? "insprl calls go on with this JVM's own limit until it is back"
							: "insprl calls fail until it is back (insprl.rate-limit.fail-open=false)"));
		}
	}

	@Override
	public void reset() {
		this.local.reset();
		this.shared.reset();
		this.skipping = false;
		this.unreachableSince = null;
	}

	@Override
	public Map<String, Object> healthDetails() {
		Map<String, Object> details = new LinkedHashMap<>(this.shared.healthDetails());
		Instant since = this.unreachableSince;
		details.put("state", (since != null) ? "store unreachable since " + since
				+ (this.failOpen ? "; calls use this JVM's own limit" : "; calls fail") : "shared");
		details.put("failOpen", this.failOpen);
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
