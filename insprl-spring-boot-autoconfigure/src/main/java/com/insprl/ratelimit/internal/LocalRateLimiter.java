package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A rate limit per account in this JVM, and the pauses insprl asks for.
 * <p>
 * An account is held only while its state matters: while its budget is not full again or
 * it is paused. Once both are over, it is forgotten the next time a permit is asked for,
 * at most {@link #MAX_SWEEP_INTERVAL} later, and the tables that held it shrink; so an
 * application serving any number of accounts holds no more than those active within the
 * last refill time, and nothing for an account that took one permit long ago. No thread
 * is started.
 * <p>
 * Every interval is measured on a monotonic clock ({@link System#nanoTime()}): a wall
 * clock that steps back or forward neither stalls nor frees an account.
 */
public class LocalRateLimiter implements ManagedRateLimiter {

	/** The longest time between two looks for accounts to forget. */
	static final Duration MAX_SWEEP_INTERVAL = Duration.ofMinutes(1);

	private static final long MIN_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

	/**
	 * The longest pause held, here and in Redis: longer ones (a {@code Retry-After}
	 * centuries ahead) are held this long, which is as good as for ever, and keeps the
	 * arithmetic in range.
	 */
	static final Duration MAX_PAUSE = Duration.ofDays(365L * 100);

	/** The reason of a pause that came without one. */
	static final String NO_REASON = "paused";

	/** No time: the limiter's start, before which the clock gives nothing. */
	static final long NONE = 0;

	private final AccountStripes stripes;

	private final @Nullable Budget budget;

	private final double requestsPerSecond;

	private final int burst;

	private final LongSupplier nanoTime;

	private final long origin;

	/**
	 * Create a limiter.
	 * @param requestsPerSecond the requests per second each account may send, on average
	 * @param burst the requests an account may send at once
	 */
	public LocalRateLimiter(double requestsPerSecond, int burst) {
		this(Budget.of(requestsPerSecond, burst), requestsPerSecond, burst, System::nanoTime);
	}

	LocalRateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
		this(Budget.of(requestsPerSecond, burst), requestsPerSecond, burst, nanoTime);
	}

	private LocalRateLimiter(@Nullable Budget budget, double requestsPerSecond, int burst, LongSupplier nanoTime) {
		this.budget = budget;
		this.requestsPerSecond = requestsPerSecond;
		this.burst = burst;
		this.nanoTime = nanoTime;
		this.origin = nanoTime.getAsLong();
		long refill = (budget != null) ? budget.refill() : 0;
		this.stripes = new AccountStripes(Math.min(Math.max(refill, MIN_SWEEP_NANOS), MAX_SWEEP_INTERVAL.toNanos()));
	}

	/**
	 * Return a limiter that sets no budget and only honours the pauses insprl asks for.
	 * @return a new limiter
	 */
	public static LocalRateLimiter pausesOnly() {
		return pausesOnly(System::nanoTime);
	}

	/**
	 * Return a limiter that sets no budget and only honours the pauses insprl asks for.
	 * @param nanoTime the monotonic clock, in nanoseconds
	 * @return a new limiter
	 */
	static LocalRateLimiter pausesOnly(LongSupplier nanoTime) {
		return new LocalRateLimiter(null, 0, 0, nanoTime);
	}

	@Override
	public Duration acquire(String account, Duration maxWait) throws InterruptedException {
		long now = now();
		this.stripes.sweepIfDue(now);
		long wait;
		AccountStripe stripe = this.stripes.of(account);
		synchronized (stripe) {
			AccountStripe.State state = stripe.accounts.get(account);
			long earliest = now;
			if (state != null) {
				earliest = Math.max(earliest, state.pausedUntil);
				if (this.budget != null) {
					earliest = Math.max(earliest, this.budget.earliest(state.tat, now));
				}
			}
			wait = earliest - now;
			if (wait > nanos(maxWait)) {
				return Duration.ofNanos(wait);
			}
			if (this.budget != null) {
				if (state == null) {
					state = stripe.add(account);
				}
				state.tat = this.budget.take(Math.max(state.tat, now), earliest);
			}
		}
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
		return Duration.ZERO;
	}

	@Override
	public void pause(String account, Duration pause, String reason) {
		long now = now();
		if (pause.isNegative() || pause.isZero()) {
			return;
		}
		long pausedUntil = now + ((pause.compareTo(MAX_PAUSE) < 0) ? pause.toNanos() : MAX_PAUSE.toNanos());
		AccountStripe stripe = this.stripes.of(account);
		synchronized (stripe) {
			AccountStripe.State state = stripe.accounts.get(account);
			if (state == null) {
				state = stripe.add(account);
			}
			if (pausedUntil > state.pausedUntil) {
				state.pausedUntil = pausedUntil;
				state.reason = reason;
			}
		}
	}

	@Override
	public List<Pause> pauses(int limit) {
		if (limit <= 0) {
			return List.of();
		}
		long now = now();
		Instant wallNow = Instant.now();
		Comparator<Pause> soonest = Comparator.comparing(Pause::until);
		PriorityQueue<Pause> latestFirst = new PriorityQueue<>(soonest.reversed());
		this.stripes.forEach((stripe) -> stripe.accounts.forEach((account, state) -> {
			if (state.pausedUntil > now) {
				String reason = (state.reason != null) ? state.reason : NO_REASON;
				latestFirst.add(new Pause(account, wallNow.plusNanos(state.pausedUntil - now), reason));
				if (latestFirst.size() > limit) {
					latestFirst.poll();
				}
			}
		}));
		List<Pause> pauses = new ArrayList<>(latestFirst);
		pauses.sort(soonest);
		return pauses;
	}

	@Override
	public boolean lift(String account) {
		long now = now();
		AccountStripe stripe = this.stripes.of(account);
		synchronized (stripe) {
			AccountStripe.State state = stripe.accounts.get(account);
			if (state == null || state.pausedUntil <= now) {
				return false;
			}
			state.pausedUntil = NONE;
			state.reason = null;
			return true;
		}
	}

	@Override
	public void reset() {
		this.stripes.forEach(AccountStripe::clear);
	}

	/**
	 * Return a wait in nanoseconds, the longest pause for a longer one, so that no wait a
	 * caller gives overflows.
	 * @param wait the wait
	 * @return the nanoseconds
	 */
	static long nanos(Duration wait) {
		return ((wait.compareTo(MAX_PAUSE) < 0) ? wait : MAX_PAUSE).toNanos();
	}

	/**
	 * Return how many accounts this limiter holds now.
	 * @return the count
	 */
	int accountsHeld() {
		return this.stripes.held();
	}

	/**
	 * Return the monotonic clock's reading since this limiter was created: never
	 * negative, and in range for centuries.
	 * @return the time, in nanoseconds
	 */
	private long now() {
		return this.nanoTime.getAsLong() - this.origin;
	}

	@Override
	public Map<String, Object> healthDetails() {
		if (this.budget == null) {
			return Map.of();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "local");
		details.put("requestsPerSecond", this.requestsPerSecond);
		details.put("burst", this.burst);
		return details;
	}

}
