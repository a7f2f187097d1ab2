package com.insprl.ratelimit.internal;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The accounts whose names hash to one stripe, guarded by the stripe's lock. A plain map,
 * so that it can be replaced by a smaller one once most of its accounts are forgotten (a
 * map's table never shrinks by itself).
 */
final class AccountStripe {

	Map<String, State> accounts = new HashMap<>();

	private int peak;

	State add(String account) {
		State state = new State();
		this.accounts.put(account, state);
		this.peak = Math.max(this.peak, this.accounts.size());
		return state;
	}

	void clear() {
		this.accounts = new HashMap<>();
		this.peak = 0;
	}

	void sweep(long now) {
		this.accounts.values().removeIf((state) -> state.tat <= now && state.pausedUntil <= now);
		if (this.accounts.size() < this.peak / 4) {
			this.accounts = new HashMap<>(this.accounts);
			this.peak = this.accounts.size();
		}
	}

	/**
	 * What is known of an account: its budget's theoretical arrival time and the end of
	 * its pause, in nanoseconds since the limiter was created
	 * ({@link LocalRateLimiter#NONE} for none), and why it is paused.
	 */
	static final class State {

		long tat = LocalRateLimiter.NONE;

		long pausedUntil = LocalRateLimiter.NONE;

		@Nullable String reason;

	}

}
