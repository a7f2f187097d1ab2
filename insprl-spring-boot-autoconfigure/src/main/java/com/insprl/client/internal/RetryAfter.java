package com.insprl.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

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
		Instant at = date(trimmed);
		if (at == null) {
			return null;
		}
		Duration wait = Duration.between(Instant.now(), at);
		return wait.isNegative() ? Duration.ZERO : atMostMax(wait);
	}

	/**
	 * Read an HTTP date in any of the three formats HTTP allows (RFC 1123, RFC 850 and
	 * asctime), with Spring's {@link HttpHeaders} date parsing. An RFC 850 date of the
	 * last century is not read as this century's: its day of the week does not match, and
	 * the header is ignored.
	 * @param value the date
	 * @return the instant, or {@code null} if the value is not an HTTP date
	 */
	private static @Nullable Instant date(String value) {
		HttpHeaders headers = new HttpHeaders();
		// asctime pads a day below 10 with a space ("Nov 6"), where Spring reads "Nov 06"
		headers.set(HttpHeaders.RETRY_AFTER, value.replace("  ", " 0"));
		ZonedDateTime date;
		try {
			date = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return (date != null) ? date.toInstant() : null;
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
