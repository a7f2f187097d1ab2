package com.insprl.http.internal;

import java.time.Duration;

/**
 * The deadline of a whole call, for the attempts its thread makes: while a scope is open,
 * each attempt's deadline is capped by the time the call has left, so that an attempt
 * never outlives the call's budget.
 */
public final class CallDeadline {

	private static final ThreadLocal<Long> deadline = new ThreadLocal<>();

	private static final Scope NONE = () -> {
	};

	private CallDeadline() {
	}

	/**
	 * Cap the attempts the calling thread makes until the scope is closed.
	 * @param nanoTime when the call's budget is spent, in {@link System#nanoTime()} terms
	 * @return the scope, to close when the attempt is over
	 */
	public static Scope until(long nanoTime) {
		Long previous = deadline.get();
		deadline.set(nanoTime);
		return (previous != null) ? () -> deadline.set(previous) : deadline::remove;
	}

	/**
	 * Return a scope that caps nothing.
	 * @return the scope
	 */
	public static Scope none() {
		return NONE;
	}

	/**
	 * Return an attempt's deadline, capped by what the calling thread's call has left.
	 * @param attemptDeadline the attempt's own deadline
	 * @return the shorter of the two, never less than a millisecond
	 */
	public static Duration cap(Duration attemptDeadline) {
		Long at = deadline.get();
		if (at == null) {
			return attemptDeadline;
		}
		long left = Math.max(at - System.nanoTime(), 1_000_000);
		return (left < attemptDeadline.toNanos()) ? Duration.ofNanos(left) : attemptDeadline;
	}

	/**
	 * A call deadline in force until closed.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
