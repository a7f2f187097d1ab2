package com.insprl.http.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.Assert;

/**
 * The bounds durations are held to, and durations written the way users write them in
 * {@code application.yml}: {@code 30s}, {@code 250ms}, {@code 1h30m} rather than
 * ISO-8601's {@code PT30S}.
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

	private static final Duration ONE_MILLISECOND = Duration.ofMillis(1);

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
	 * Format a duration as a user would write it in {@code application.yml}, with
	 * Spring's composite style: {@code 30s}, {@code 1s250ms}, {@code 1h30m}, {@code -1s}.
	 * A duration of a millisecond or more is shown to the millisecond.
	 * @param duration the duration, may be {@code null}
	 * @return the text
	 */
	public static String format(@Nullable Duration duration) {
		if (duration == null) {
			return "null";
		}
		boolean millisecondOrMore = duration.isNegative() ? duration.compareTo(ONE_MILLISECOND.negated()) <= 0
				: duration.compareTo(ONE_MILLISECOND) >= 0;
		Duration shown = millisecondOrMore ? duration.truncatedTo(ChronoUnit.MILLIS) : duration;
		try {
			return DurationFormatterUtils.print(shown, DurationFormat.Style.COMPOSITE);
		}
		catch (ArithmeticException ex) {
			// the most negative duration has no positive counterpart to print
			return duration.toString();
		}
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

}
