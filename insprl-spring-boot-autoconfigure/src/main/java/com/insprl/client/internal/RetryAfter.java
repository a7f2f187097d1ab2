package com.insprl.client.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: a number of seconds or an HTTP date.
 */
public final class RetryAfter {

	/**
	 * The longest wait held: a longer one, a number of seconds beyond any type or a date
	 * centuries ahead, is held this long, which is as good as for ever and keeps every
	 * sum of times in range.
	 */
	public static final Duration MAX = Durations.LONGEST_WAIT;

	private RetryAfter() {
	}

	/**
	 * Read a {@code Retry-After} header.
	 * @param value the header value, may be {@code null}
	 * @return the wait (zero for a date in the past, at most {@link #MAX}), or
	 * {@code null} when unusable (negative, empty, neither seconds nor a date)
	 */
	public static @Nullable Duration parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (isDigits(trimmed)) {
			// seconds, however many digits: more than a long holds is the longest wait
			try {
				return atMostMax(Duration.ofSeconds(Long.parseLong(trimmed)));
			}
			catch (NumberFormatException ex) {
				return MAX;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(Instant.now(), at);
			return wait.isNegative() ? Duration.ZERO : atMostMax(wait);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static Duration atMostMax(Duration wait) {
		return (wait.compareTo(MAX) > 0) ? MAX : wait;
	}

}
