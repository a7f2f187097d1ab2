package com.insprl.http.internal;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Writes durations the way users write them in {@code application.yml}: {@code 30s},
 * {@code 250ms}, {@code 2m}, {@code 1h30m} rather than ISO-8601's {@code PT30S}.
 */
public final class Durations {

	/**
	 * The longest connect or read timeout: the client libraries take them as an
	 * {@code int} of milliseconds (about 24.8 days).
	 */
	public static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

	/**
	 * The longest wait of any other kind (a back-off, a rate-limit wait, a pause, a
	 * cache's life): a century, as good as for ever, and in range of every sum of times
	 * in nanoseconds.
	 */
	public static final Duration LONGEST_WAIT = Duration.ofDays(365L * 100);

	/** Durations of fewer seconds than this are in range in nanoseconds. */
	private static final long NANOS_IN_RANGE = 9_000_000_000L;

	private Durations() {
	}

	/**
	 * Refuse a duration that is not positive.
	 * @param duration the duration
	 * @param name its name, for the message
	 * @throws IllegalArgumentException if it is null, zero or negative
	 */
	public static void requirePositive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(), name + " must be positive");
	}

	/**
	 * Refuse a timeout that is not positive or longer than {@link #LONGEST_TIMEOUT}.
	 * @param timeout the timeout
	 * @param name its name, for the message
	 * @throws IllegalArgumentException if it is refused
	 */
	public static void requireTimeout(Duration timeout, String name) {
		requirePositive(timeout, name);
		requireAtMost(timeout, LONGEST_TIMEOUT, name);
	}

	/**
	 * Refuse a wait that is negative or longer than {@link #LONGEST_WAIT}.
	 * @param wait the wait
	 * @param name its name, for the message
	 * @throws IllegalArgumentException if it is refused
	 */
	public static void requireWait(Duration wait, String name) {
		Assert.isTrue(wait != null && !wait.isNegative(), name + " must not be negative");
		requireAtMost(wait, LONGEST_WAIT, name);
	}

	/**
	 * Refuse a duration longer than the longest allowed, naming both.
	 * @param duration the duration
	 * @param longest the longest allowed
	 * @param name its name, for the message
	 * @throws IllegalArgumentException if it is longer
	 */
	public static void requireAtMost(Duration duration, Duration longest, String name) {
		Assert.isTrue(duration.compareTo(longest) <= 0,
				() -> name + " must be at most " + format(longest) + ", not " + format(duration));
	}

	/**
	 * Format a duration as a user would write it.
	 * @param duration the duration, may be {@code null}
	 * @return the text, such as {@code 5s}, {@code -1s} or {@code 100ms}
	 */
	public static String format(Duration duration) {
		if (duration == null) {
			return "null";
		}
		if (duration.getSeconds() == Long.MIN_VALUE) {
			// the one duration whose negation overflows
			return duration.toString();
		}
		if (duration.isNegative()) {
			return "-" + format(duration.negated());
		}
		if (duration.isZero()) {
			return "0s";
		}
		boolean small = duration.getSeconds() < NANOS_IN_RANGE;
		if (small && (duration.toNanosPart() % 1_000_000 != 0 || duration.toMillis() == 0)) {
			long nanos = duration.toNanos();
			return (nanos % 1000 == 0) ? (nanos / 1000) + "us" : nanos + "ns";
		}
		if (small && duration.toMillisPart() != 0) {
			return duration.toMillis() + "ms";
		}
		StringBuilder text = new StringBuilder();
		append(text, duration.toDays(), "d");
		append(text, duration.toHoursPart(), "h");
		append(text, duration.toMinutesPart(), "m");
		append(text, duration.toSecondsPart(), "s");
		int nanos = duration.getNano();
		append(text, (nanos % 1_000_000 == 0) ? nanos / 1_000_000 : nanos, (nanos % 1_000_000 == 0) ? "ms" : "ns");
		return text.toString();
	}

	/**
	 * Round a duration up to whole seconds, for a message about a wait.
	 * @param duration the duration
	 * @return the duration in whole seconds, at least the duration
	 */
	public static Duration roundUpToSeconds(Duration duration) {
		Duration seconds = Duration.ofSeconds(duration.getSeconds());
		return seconds.equals(duration) ? seconds : seconds.plusSeconds(1);
	}

	private static void append(StringBuilder text, long value, String unit) {
		if (value != 0) {
			text.append(value).append(unit);
		}
	}

}
