package com.insprl.ratelimit.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The accounts a {@link LocalRateLimiter} holds, in stripes that each lock on their own,
 * and the sweep that forgets, at most once per interval, every account whose budget is
 * full again and whose pause is over.
 */
final class AccountStripes {

	private static final int STRIPES = 64;

	private final AccountStripe[] stripes = new AccountStripe[STRIPES];

	private final long sweepInterval;

	private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Create the stripes.
	 * @param sweepInterval the least time between two sweeps, in nanoseconds
	 */
	AccountStripes(long sweepInterval) {
		this.sweepInterval = sweepInterval;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new AccountStripe();
		}
	}

	/**
	 * Return the stripe that holds an account; lock on it to read or change it.
	 * @param account the account
	 * @return its stripe
	 */
	AccountStripe of(String account) {
		int hash = account.hashCode();
		return this.stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
	}

	/**
	 * Do something with each stripe, under its lock.
	 * @param action the action
	 */
	void forEach(Consumer<AccountStripe> action) {
		for (AccountStripe stripe : this.stripes) {
			synchronized (stripe) {
				action.accept(stripe);
			}
		}
	}

	/**
	 * Forget, unless the last sweep was less than the interval ago, every account whose
	 * budget is full again and whose pause is over.
	 * @param now the clock's reading, in nanoseconds
	 */
	void sweepIfDue(long now) {
		long due = this.nextSweep.get();
		if (now >= due && this.nextSweep.compareAndSet(due, now + this.sweepInterval)) {
			forEach((stripe) -> stripe.sweep(now));
		}
	}

	/**
	 * Return how many accounts are held now.
	 * @return the count
	 */
	int held() {
		int[] held = new int[1];
		forEach((stripe) -> held[0] += stripe.accounts.size());
		return held[0];
	}

}
